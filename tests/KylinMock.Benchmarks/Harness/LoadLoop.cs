using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace KylinMock.Benchmarks.Harness;

/// <summary>What one bounded load run achieved.</summary>
internal sealed record LoadResult(long Completed, long Failed, TimeSpan Elapsed)
{
    public double PerSecond => Completed / Elapsed.TotalSeconds;
}

/// <summary>
/// A closed-loop HTTP load: a fixed number of workers over one keep-alive client, each sending its
/// next request as soon as the previous answer is read; bounded by a request count and a time.
/// </summary>
internal static class LoadLoop
{
    /// <summary>A keep-alive client with one connection per worker, Kylin's Basic credentials and Accept.</summary>
    public static HttpClient Client(string baseUrl, int connections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("ADMIN:KYLIN"u8.ToArray()));
        client.DefaultRequestHeaders.Accept.ParseAdd("application/vnd.apache.kylin-v4-public+json");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    /// <summary>
    /// Runs <paramref name="concurrency"/> workers until <paramref name="maxRequests"/> were sent or
    /// <paramref name="maxTime"/> passed. <paramref name="request"/> makes worker w's n-th request.
    /// A non-2xx answer counts as failed.
    /// </summary>
    public static async Task<LoadResult> Run(HttpClient client, int concurrency, long maxRequests, TimeSpan maxTime, Func<int, long, HttpRequestMessage> request)
    {
        long issued = 0;
        long completed = 0;
        long failed = 0;
        var clock = Stopwatch.StartNew();
        var workers = new Task[concurrency];
        for (var w = 0; w < concurrency; w++)
        {
            var worker = w;
            workers[w] = Task.Run(async () =>
            {
                var buffer = new byte[64 * 1024];
                long n = 0;
                while (Interlocked.Increment(ref issued) <= maxRequests && clock.Elapsed < maxTime)
                {
                    using var message = request(worker, n++);
                    using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                    await using (var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                    {
                        while (await body.ReadAsync(buffer).ConfigureAwait(false) > 0)
                        {
                        }
                    }

                    if (response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref completed);
                    }
                    else
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
            });
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        return new LoadResult(completed, failed, clock.Elapsed);
    }

    /// <summary>One request, its whole body read: (status, bytes).</summary>
    public static async Task<(HttpStatusCode Status, byte[] Body)> Once(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await client.SendAsync(request).ConfigureAwait(false);
            return (response.StatusCode, await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false));
        }
    }
}
