using Slipway.Data.Dumps;
using Slipway.Data.Tests.Fixtures;

namespace Slipway.Data.Tests.Branches;

/// <summary>The Drupal 7 site itself, served with nothing but the variables Slipway hands a branch.</summary>
[Collection(MariaDbCollection.Name)]
public sealed class BranchSiteTests(DrupalServerFixture fixture) : IDisposable
{
    private readonly DataWorld _world = new(fixture.Server.Admin);

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task The_Drupal_7_front_page_answers_200_with_the_site_name_from_the_dump_on_the_branch_database()
    {
        await new DatabaseDumper(_world.Store, SanitizeRules.Drupal).DumpAsync("drupal7", fixture.Drupal.Source, keep: 3, CancellationToken.None);
        var branches = _world.Branches();
        var database = await branches.EnsureAsync("drupal7", "feature/site", "feature-site", CancellationToken.None);
        try
        {
            // The site's settings.php reads DB_* from the environment, as docs/data.md shows.
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "settings-from-environment.php"),
                Path.Combine(fixture.Drupal.SiteRoot, "sites", "default", "settings.php"), overwrite: true);
            await using var site = await PhpSiteServer.StartAsync(fixture.Drupal.SiteRoot, database.Environment());
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(1) };

            var response = await http.GetAsync(site.Address);

            response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).Should().MatchRegex($"<title>[^<]*{DrupalSourceFixture.SiteName}</title>");
        }
        finally
        {
            await branches.DropAsync("drupal7", "feature/site", CancellationToken.None);
        }
    }
}
