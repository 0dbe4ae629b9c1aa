using System.Net.Sockets;
using System.Text;

namespace KylinMock.Tests.Support;

/// <summary>Sends bytes exactly as written (HttpClient would repair a broken request line).</summary>
internal static class RawHttp
{
    /// <summary>Sends one HTTP/1.0 request (no chunked answer to undo) and returns the status code and body.</summary>
    public static (int Status, string Body) Send(int port, string method, string target, string? body = null, string authorization = KylinHttp.AdminBasic, string? extraHeaders = null, bool withHost = true)
    {
        using var tcp = new TcpClient("127.0.0.1", port);
        using var stream = tcp.GetStream();
        var bodyBytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        var host = withHost ? $"Host: 127.0.0.1:{port}\r\n" : string.Empty;
        var head = $"{method} {target} HTTP/1.0\r\n{host}Authorization: {authorization}\r\nAccept: {KylinHttp.PublicAccept}\r\n{extraHeaders}Content-Length: {bodyBytes.Length}\r\nConnection: close\r\n\r\n";
        stream.Write(Encoding.ASCII.GetBytes(head));
        stream.Write(bodyBytes);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = reader.ReadToEnd();
        var status = int.Parse(response.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var split = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (status, split < 0 ? string.Empty : response[(split + 4)..]);
    }
}
