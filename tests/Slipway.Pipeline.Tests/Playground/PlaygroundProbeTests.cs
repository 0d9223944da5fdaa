using System.Net;
using System.Net.Http.Headers;
using Slipway.Pipeline.AppConfig;
using Slipway.Pipeline.Playground;

namespace Slipway.Pipeline.Tests.Playground;

public sealed class PlaygroundProbeTests
{
    private static readonly Uri ProbeUrl = new("http://127.0.0.1:32812/");
    private const string Host = "feature-x.localhost:32812";
    private static readonly ReadinessCheck Drupal = ReadinessCheck.Default with { Generator = "Drupal" };

    [Fact]
    public async Task AnUninstalledDrupal7_RedirectingToItsInstallerOnItsOwnHost_IsReady()
    {
        var site = new FakeSite(request => request.RequestUri!.AbsolutePath switch
        {
            "/" => Redirect($"http://{Host}/install.php"),
            "/install.php" => Page(HttpStatusCode.OK, "<title>Choose profile | Drupal</title>"),
            _ => Page(HttpStatusCode.NotFound, "not found"),
        });

        var report = await Probe(site, Drupal, TimeSpan.FromSeconds(30));

        report.Ready.Should().BeTrue();
        site.Hosts.Should().AllBe(Host, "the redirect's *.localhost name is resolved to the probe address");
        site.Paths.Should().Contain("/install.php");
    }

    [Fact]
    public async Task APhpErrorPageAnsweredWith200_IsNeverReady()
    {
        var site = new FakeSite(_ => Page(HttpStatusCode.OK, "<br />\n<b>Fatal error</b>:  Uncaught Error: Call to undefined function each() in /var/www/app/includes/menu.inc"));

        var report = await Probe(site, Drupal, TimeSpan.FromSeconds(1));

        report.Ready.Should().BeFalse();
        report.LastProblem.Should().Contain("error page");
    }

    [Fact]
    public async Task ADrupalSiteAnsweringWithSomeoneElsesPage_IsNotReady()
    {
        var site = new FakeSite(_ => Page(HttpStatusCode.OK, "<h1>It works!</h1>"));

        var report = await Probe(site, Drupal, TimeSpan.FromSeconds(1));

        report.Ready.Should().BeFalse();
        report.LastProblem.Should().Contain("not Drupal's");
    }

    [Fact]
    public async Task ARedirectToAnotherHost_IsNotFollowedAndNotReady()
    {
        var site = new FakeSite(request => request.RequestUri!.AbsolutePath == "/" ? Redirect("https://login.example.com/") : Page(HttpStatusCode.OK, "Drupal"));

        var report = await Probe(site, Drupal, TimeSpan.FromSeconds(1));

        report.Ready.Should().BeFalse();
        site.Paths.Should().OnlyContain(path => path == "/");
    }

    [Fact]
    public async Task Forbidden403OnEveryRequest_NamesTheDocrootAsTheLikelyCause()
    {
        var site = new FakeSite(_ => Page(HttpStatusCode.Forbidden, "Forbidden"));

        var report = await Probe(site, ReadinessCheck.Default, TimeSpan.FromSeconds(1));

        report.Ready.Should().BeFalse();
        report.LikelyCause(null).Should().Contain("403 Forbidden").And.Contain("docroot");
    }

    [Fact]
    public async Task ConfiguredPathStatusesAndText_AreWhatCounts()
    {
        var check = new ReadinessCheck("/user/login", [200, 403], "Log in", null);
        var site = new FakeSite(request => request.RequestUri!.AbsolutePath == "/user/login"
            ? Page(HttpStatusCode.Forbidden, "<button>Log in</button>")
            : Page(HttpStatusCode.InternalServerError, "boom"));

        var report = await Probe(site, check, TimeSpan.FromSeconds(30));

        report.Ready.Should().BeTrue();
    }

    [Fact]
    public async Task APlaygroundBehindBasicAuth_IsReadyWithItsCredentials_AndShowsTheirLackAs401Without()
    {
        var credentials = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("qa:secret"u8.ToArray()));
        var site = new FakeSite(request => request.Headers.Authorization?.ToString() == credentials.ToString()
            ? request.RequestUri!.AbsolutePath == "/" ? Redirect($"http://{Host}/home") : Page(HttpStatusCode.OK, "home")
            : Page(HttpStatusCode.Unauthorized, "sign in"));

        var without = await Probe(site, ReadinessCheck.Default, TimeSpan.FromSeconds(1));
        var with = await new PlaygroundProbe(site).WaitUntilReadyAsync(
            ProbeUrl, Host, ReadinessCheck.Default, TimeSpan.FromSeconds(30), CancellationToken.None, credentials);

        without.Ready.Should().BeFalse();
        without.LastProblem.Should().Contain("401");
        with.Ready.Should().BeTrue("the probe signs in on every request, the redirect on the playground's own host included");
        site.Paths.Should().Contain("/home");
    }

    [Fact]
    public async Task ServerErrors_PointAtTheContainersLog()
    {
        var site = new FakeSite(_ => Page(HttpStatusCode.InternalServerError, ""));

        var report = await Probe(site, ReadinessCheck.Default, TimeSpan.FromSeconds(1));

        report.LikelyCause(null).Should().Contain("server errors").And.Contain("last lines");
    }

    private static Task<ProbeReport> Probe(FakeSite site, ReadinessCheck check, TimeSpan timeout) =>
        new PlaygroundProbe(site).WaitUntilReadyAsync(ProbeUrl, Host, check, timeout, CancellationToken.None);

    private static HttpResponseMessage Page(HttpStatusCode status, string body) => new(status) { Content = new StringContent(body) };

    private static HttpResponseMessage Redirect(string location)
    {
        var response = new HttpResponseMessage(HttpStatusCode.Found);
        response.Headers.Location = new Uri(location);
        return response;
    }

    /// <summary>Answers in memory and remembers the Host headers and paths it was asked for.</summary>
    private sealed class FakeSite(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<string> Hosts { get; } = [];

        public List<string> Paths { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri!.Authority.Should().Be("127.0.0.1:32812", "the probe only ever talks to the probe address");
            lock (Hosts)
            {
                Hosts.Add(request.Headers.Host!);
                Paths.Add(request.RequestUri.AbsolutePath);
            }

            return Task.FromResult(answer(request));
        }
    }
}
