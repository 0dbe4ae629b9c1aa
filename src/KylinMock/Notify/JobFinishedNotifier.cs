using System.Net.Http.Headers;
using System.Text;

namespace KylinMock.Notify;

/// <summary>
/// Sends the job-finished bodies as Kylin's JobFinishedNotifier does, from each job's own thread: one job's
/// posts go in the order the clock reached them, while different jobs' posts go side by side, so one slow
/// listener answer delays only its own job. An I/O failure or the 3 s socket timeout is retried at once, any
/// status but 200 (a redirect included: Kylin's HttpClient does not follow a POST's 302) after 5 s on the
/// server's clock, at most 5 attempts; failures are only logged (here: dropped). The answer's body is never
/// read. A reset forgets every post still queued or waiting to retry. It never holds the store's lock.
/// </summary>
internal sealed class JobFinishedNotifier : IDisposable
{
    private const int MaxAttempts = 5;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);
    private readonly HttpClient client = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(3) };
    private readonly Uri url;
    private readonly TimeProvider clock;
    private readonly AuthenticationHeaderValue? authorization;
    private readonly Lock gate = new();
    private readonly Dictionary<string, Task> lastPostOfJob = new(StringComparer.Ordinal);
    private CancellationTokenSource round = new();
    private bool disposed;

    public JobFinishedNotifier(Uri url, string? user, string? password, TimeProvider clock)
    {
        this.url = CheckUrl(url, nameof(url));
        this.clock = clock;
        if (!string.IsNullOrEmpty(user))
        {
            authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
        }
    }

    /// <summary>Refuses a URL Kylin's HttpClient could not post to (relative, or not http/https).</summary>
    public static Uri CheckUrl(Uri url, string parameter)
    {
        ArgumentNullException.ThrowIfNull(url, parameter);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The job-finished notifier URL \"{url.OriginalString}\" is not an http or https URL.", parameter);
        }

        return url;
    }

    /// <summary>Queues one body of <paramref name="jobId"/> behind that job's earlier posts; called under the store's lock, so it only chains a task.</summary>
    public void Enqueue(string jobId, string body)
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            var cancel = round.Token;
            var before = lastPostOfJob.GetValueOrDefault(jobId, Task.CompletedTask);
            var post = before.ContinueWith(_ => Send(body, cancel), cancel, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            lastPostOfJob[jobId] = post;
            _ = post.ContinueWith(_ => Done(jobId, post), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>A reset: the posts still queued or waiting to retry belong to jobs that are gone, and are dropped.</summary>
    public void Forget()
    {
        lock (gate)
        {
            round.Cancel();
            round = new CancellationTokenSource();
            lastPostOfJob.Clear();
        }
    }

    public void Dispose()
    {
        Task[] pending;
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            round.Cancel();
            pending = [.. lastPostOfJob.Values];
            lastPostOfJob.Clear();
        }

        try
        {
            Task.WaitAll(pending, TimeSpan.FromSeconds(1));
        }
        catch (AggregateException)
        {
            // Cancelled mid-request.
        }

        client.Dispose();
    }

    private void Done(string jobId, Task post)
    {
        lock (gate)
        {
            if (lastPostOfJob.TryGetValue(jobId, out var last) && last == post)
            {
                lastPostOfJob.Remove(jobId);
            }
        }
    }

    private async Task Send(string body, CancellationToken cancel)
    {
        try
        {
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                var answered = await Post(body, cancel);
                if (answered == 200)
                {
                    return;
                }

                if (answered is not null && attempt < MaxAttempts)
                {
                    await Task.Delay(RetryDelay, clock, cancel);
                }
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // Reset or stopped.
        }
    }

    // The listener's status, or null for an I/O failure or the socket timeout (tried again at once).
    private async Task<int?> Post(string body, CancellationToken cancel)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = authorization;
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!cancel.IsCancellationRequested)
        {
            return null;
        }
    }
}
