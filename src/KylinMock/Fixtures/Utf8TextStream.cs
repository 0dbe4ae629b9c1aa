using System.Text;

namespace KylinMock.Fixtures;

/// <summary>A read-only stream of UTF-8 bytes encoded on the fly from a <see cref="TextReader"/>.</summary>
internal sealed class Utf8TextStream(TextReader text) : Stream
{
    private readonly Encoder encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
    private readonly char[] chars = new char[8192];
    private readonly byte[] bytes = new byte[8192 * 3];
    private int start;
    private int end;
    private bool done;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        while (start == end)
        {
            if (done)
            {
                return 0;
            }

            var read = text.Read(chars, 0, chars.Length);
            done = read == 0;
            end = encoder.GetBytes(chars, 0, read, bytes, 0, flush: done);
            start = 0;
        }

        var n = Math.Min(count, end - start);
        System.Array.Copy(bytes, start, buffer, offset, n);
        start += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
