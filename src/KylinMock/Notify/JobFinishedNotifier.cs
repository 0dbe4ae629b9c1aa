using System.Net.Http.Headers;
using System.Text;
using System.Threading.Channels;

namespace KylinMock.Notify;

/// <summary>
/// Sends the job-finished bodies to the notifier URL one at a time, in the order the clock reached them
/// (JobFinishedNotifier): an I/O failure is retried at once, any status but 200 after 5 s, at most 5
/// attempts; a 3 s timeout; failures are only logged (here: dropped). It never holds the store's lock.
/// </summary>
internal sealed class JobFinishedNotifier : IDisposable
{
    private const int MaxAttempts = 5;
    private readonly Channel<string> queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HttpClient client = new() { Timeout = TimeSpan.FromSeconds(3) };
    private readonly Uri url;
    private readonly AuthenticationHeaderValue? authorization;
    private readonly CancellationTokenSource stop = new();
    private readonly Task sender;

    public JobFinishedNotifier(Uri url, string? user, string? password)
    {
        this.url = url;
        if (!string.IsNullOrEmpty(user))
        {
            authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
        }

        sender = Task.Run(SendAll);
    }

    /// <summary>Queues one body; called under the store's lock, so it only enqueues.</summary>
    public void Enqueue(string body) => queue.Writer.TryWrite(body);

    public void Dispose()
    {
        queue.Writer.TryComplete();
        stop.Cancel();
        try
        {
            sender.Wait(TimeSpan.FromSeconds(1));
        }
        catch (AggregateException)
        {
            // The sender was cancelled mid-request.
        }

        client.Dispose();
        stop.Dispose();
    }

    private async Task SendAll()
    {
        try
        {
            await foreach (var body in queue.Reader.ReadAllAsync(stop.Token))
            {
                await Send(body);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private async Task Send(string body)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Authorization = authorization;
                using var response = await client.SendAsync(request, stop.Token);
                if ((int)response.StatusCode == 200)
                {
                    return;
                }

                if (attempt < MaxAttempts)
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), stop.Token);
                }
            }
            catch (HttpRequestException)
            {
                // An IOException: retried at once.
            }
            catch (TaskCanceledException) when (!stop.IsCancellationRequested)
            {
                // The 3 s socket timeout: retried at once.
            }
        }
    }
}
