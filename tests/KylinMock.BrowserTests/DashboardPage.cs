using KylinMock.Clocks;
using System.Globalization;
using System.Net.Http.Headers;
using KylinMock.Control;
using Microsoft.Playwright;
using Microsoft.Playwright.NUnit;

namespace KylinMock.BrowserTests;

/// <summary>
/// One mock and one page per test: a 30-job estate on a manual clock (moved from the page or from the
/// test), the dashboard open in Debian's Chromium (<c>KYLINMOCK_CHROMIUM</c> or <c>/usr/bin/chromium</c>;
/// Playwright downloads no browser). Every console error, page error and dialog is recorded and fails the
/// test; a screenshot of the page is attached to every test's results.
/// </summary>
public abstract class DashboardPage : PlaywrightTest
{
    /// <summary>Where the mock's clock starts.</summary>
    protected static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-03-15T12:00:00Z", CultureInfo.InvariantCulture);

    private readonly List<string> problems = [];
    private IBrowser? browser;
    private int shots;

    /// <summary>The mock under test.</summary>
    protected KylinMockServer Kylin { get; private set; } = null!;

    /// <summary>The mock's clock.</summary>
    protected ManualClock Clock { get; private set; } = null!;

    /// <summary>The dashboard's tab.</summary>
    protected IPage Page { get; private set; } = null!;

    /// <summary>Console messages a test expects (the browser's own network log of an answer the test provokes).</summary>
    protected List<string> ExpectedConsoleErrors { get; } = [];

    /// <summary>The options of the mock a test starts; a test overrides them (a control token).</summary>
    protected virtual KylinMockOptions Options(ManualClock clock) => new() { Clock = clock, JobCount = 30 };

    [SetUp]
    public async Task OpenDashboard()
    {
        var chromium = Environment.GetEnvironmentVariable("KYLINMOCK_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            Assert.Fail($"no Chromium at {chromium}: apt-get install -y chromium (or set KYLINMOCK_CHROMIUM)");
        }

        shots = 0;
        Assertions.SetDefaultExpectTimeout(15_000);
        Clock = new ManualClock(Start);
        Kylin = KylinMockServer.Start(Options(Clock));
        browser = await Playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
        Page = await context.NewPageAsync();
        Page.Console += (_, message) =>
        {
            if (message.Type == "error" && !ExpectedConsoleErrors.Any(message.Text.Contains))
            {
                problems.Add("console error: " + message.Text);
            }
        };
        Page.PageError += (_, error) => problems.Add("page error: " + error);
        Page.Dialog += async (_, dialog) =>
        {
            problems.Add("dialog: " + dialog.Message);
            await dialog.DismissAsync();
        };
        await Page.GotoAsync(Kylin.Url + "/__kylinmock/");
    }

    [TearDown]
    public async Task CloseDashboard()
    {
        try
        {
            await Screenshot("end");
            Assert.That(problems, Is.Empty, "the page raised no console error, page error or dialog");
        }
        finally
        {
            if (browser is not null)
            {
                await browser.CloseAsync();
            }

            Kylin.Dispose();
        }
    }

    /// <summary>Saves the page as a PNG and attaches it to the test's results.</summary>
    protected async Task Screenshot(string label)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{TestContext.CurrentContext.Test.Name}-{++shots:00}-{label}.png");
        await Page.ScreenshotAsync(new() { Path = file, FullPage = true });
        TestContext.AddTestAttachment(file, label);
    }

    /// <summary>The jobs table's row of one job.</summary>
    protected ILocator JobRow(string id) => Page.Locator($"#jobs-body tr[data-job-id='{id}']");

    /// <summary>Types a key into the jobs filter so the table shows that job.</summary>
    protected async Task ShowOnly(string jobId)
    {
        await Page.FillAsync("#filter-key", jobId);
        await Expect(Page.Locator("#jobs-total")).ToHaveTextAsync("1 job");
    }

    /// <summary>A Kylin client with the default credentials.</summary>
    protected HttpClient KylinClient()
    {
        var http = new HttpClient { BaseAddress = new Uri(Kylin.Url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("ADMIN:KYLIN"u8.ToArray()));
        http.DefaultRequestHeaders.Accept.ParseAdd("application/vnd.apache.kylin-v4-public+json");
        return http;
    }

    /// <summary>The first project of the estate and one of its models.</summary>
    protected (string Project, string Model) SomeModel()
    {
        var project = Kylin.Jobs.Projects()[0];
        return (project.Name, project.Models[0].Uuid);
    }
}
