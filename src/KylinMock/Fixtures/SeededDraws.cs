using System.Buffers.Binary;
using Bogus;

namespace KylinMock.Fixtures;

/// <summary>
/// Fast draws for the per-job hot path, all taken from the seeded Bogus <see cref="Randomizer"/>:
/// it hands over its bytes in blocks, so each draw costs no lock (Bogus locks a global object on
/// every call) and no allocation. Bytes are decoded little-endian, the same on every machine.
/// </summary>
internal sealed class SeededDraws(Randomizer source)
{
    private const int BlockSize = 8192;
    private byte[] block = [];
    private int position;

    /// <summary>An integer from <paramref name="min"/> to <paramref name="max"/>, both inclusive.</summary>
    public int Number(int min, int max)
    {
        // Multiply-shift maps 32 random bits onto the range without division; the bias is below 2^-32 per value.
        var range = (ulong)((long)max - min + 1);
        return (int)(min + (long)((NextUInt32() * range) >> 32));
    }

    /// <summary>A random version-4 uuid in Kylin's (Java <c>UUID.randomUUID</c>) form.</summary>
    public string Uuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        Take(16).CopyTo(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }

    private ulong NextUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    private ReadOnlySpan<byte> Take(int count)
    {
        if (position + count > block.Length)
        {
            block = source.Bytes(BlockSize);
            position = 0;
        }

        var taken = block.AsSpan(position, count);
        position += count;
        return taken;
    }
}
