using System.Buffers.Binary;
using System.Security.Cryptography;

namespace KylinMock.Jobs;

/// <summary>
/// The ids the API mints (jobs, segments): version-4 UUIDs as Java's <c>UUID.randomUUID</c> prints them, drawn from a
/// stream of their own (not the one the estate was generated from), so the same seed and the same requests give the
/// same ids. Id n is a hash of the seed and n: the stream rewinds on reset, and a refused request hands its ids back.
/// </summary>
internal sealed class IdStream(int seed)
{
    /// <summary>How many ids were drawn; set back to hand ids back (a refused request, a reset).</summary>
    public long Position { get; set; }

    /// <summary>The next id.</summary>
    public string Next()
    {
        Span<byte> input = stackalloc byte[16];
        "kmid"u8.CopyTo(input);
        BinaryPrimitives.WriteInt32BigEndian(input[4..], seed);
        BinaryPrimitives.WriteInt64BigEndian(input[8..], Position++);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x40);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(hash[..16]);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
