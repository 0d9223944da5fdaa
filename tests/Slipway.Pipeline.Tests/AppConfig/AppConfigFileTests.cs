using Slipway.Pipeline.AppConfig;

namespace Slipway.Pipeline.Tests.AppConfig;

public sealed class AppConfigFileTests
{
    [Fact]
    public void ReadFrom_WithoutAFile_LeavesEveryKeyToTheDefaults()
    {
        using var app = new AppFolder();

        AppConfigFile.ReadFrom(app.Path).Should().Be(AppConfigFile.Empty);
    }

    [Fact]
    public void ReadFrom_EveryKey_ReadsItsValue()
    {
        using var app = new AppFolder().WithConfig("""
            # yaml-language-server: $schema=../docs/slipway.schema.json
            php: "7.4"
            docroot: docroot
            dockerfile: ops/Dockerfile
            playground:
              readiness:
                path: /user/login
                statuses: [200, 403]
                contains: Log in
              writable:
                - docroot/sites/*/files
              unguessable_host: true
            analysis:
              paths: docroot/modules/custom
              exclude: [docroot/modules/custom/legacy]
              max_new_findings: 3
            tests:
              phpunit: docroot/core/phpunit.xml.dist
              behat: tests/behat.yml
              browser: true
            services:
              redis:
            database:
              anything: goes for now
            """);

        var file = AppConfigFile.ReadFrom(app.Path);

        file.Should().BeEquivalentTo(new AppConfigFile
        {
            Php = "7.4",
            Docroot = "docroot",
            Dockerfile = "ops/Dockerfile",
            ReadinessPath = "/user/login",
            ReadinessStatuses = [200, 403],
            ReadinessContains = "Log in",
            Writable = ["docroot/sites/*/files"],
            Access = new PlaygroundAccess(UnguessableHost: true),
            AnalysisPaths = ["docroot/modules/custom"],
            AnalysisExclude = ["docroot/modules/custom/legacy"],
            MaxNewFindings = 3,
            PhpunitConfig = "docroot/core/phpunit.xml.dist",
            BehatConfig = "tests/behat.yml",
            BrowserTests = true,
            Services = [new AppService("redis", ServiceKind.Redis, null, 6379, new Dictionary<string, string>(), null)],
        });
    }

    [Theory]
    [InlineData("docrot: web\n", ".slipway.yml line 1 has the key 'docrot', which Slipway does not know: the nearest valid key is 'docroot'.")]
    [InlineData("playground:\n  readines:\n    path: /\n", ".slipway.yml line 2 has the key 'playground.readines', which Slipway does not know: the nearest valid key is 'playground.readiness'.")]
    [InlineData("php: 8\n", ".slipway.yml line 1 gives 'php' the value '8': it takes a PHP version as major.minor in quotes, e.g. \"8.2\".")]
    [InlineData("docroot: ../etc\n", ".slipway.yml line 1 gives 'docroot' the path '../etc': write a path inside the repository, relative to its root, without .. (letters, digits, . _ - @ +).")]
    [InlineData("php: \"8.2\"\nplayground:\n  readiness:\n    statuses: [200, ok]\n", ".slipway.yml line 4 gives 'playground.readiness.statuses' the value 'ok': it takes HTTP statuses from 100 to 599, e.g. [200, 403].")]
    [InlineData("playground:\n  unguessable_host: yes\n", ".slipway.yml line 2 gives 'playground.unguessable_host' the value 'yes': it takes true or false.")]
    [InlineData("analysis: web/modules/custom\n", ".slipway.yml line 1 gives 'analysis' a single value or a list: it takes keys of its own (paths, exclude, max_new_findings).")]
    [InlineData("tests:\n  browser: yes please\n", ".slipway.yml line 2 gives 'tests.browser' the value 'yes please': it takes true or false.")]
    [InlineData("analysis:\n  max_new_findings: -1\n", ".slipway.yml line 2 gives 'analysis.max_new_findings' the value '-1': it takes a whole number of new findings a pull request may add, e.g. 0.")]
    public void ReadFrom_AMistake_IsOneSentenceNamingTheFileLineKeyAndTheFix(string yaml, string message)
    {
        using var app = new AppFolder().WithConfig(yaml);

        var read = () => AppConfigFile.ReadFrom(app.Path);

        read.Should().Throw<AppConfigException>().Which.Message.Should().Be(message);
    }

    [Fact]
    public void ReadFrom_BrokenYaml_NamesTheLine()
    {
        using var app = new AppFolder().WithConfig("php: \"8.2\"\ndocroot: [web\n");

        var read = () => AppConfigFile.ReadFrom(app.Path);

        read.Should().Throw<AppConfigException>().Which.Message.Should().StartWith(".slipway.yml line ").And.Contain("is not valid YAML");
    }

    [Fact]
    public void ReadFrom_AValueThatLooksLikeAShellCommand_IsRefusedNotPassedOn()
    {
        using var app = new AppFolder().WithConfig("docroot: \"web; rm -rf /\"\n");

        var read = () => AppConfigFile.ReadFrom(app.Path);

        read.Should().Throw<AppConfigException>().Which.Message.Should().Contain("'docroot'");
    }

    [Fact]
    public void TheSchema_ListsExactlyTheKeysTheReaderKnows()
    {
        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Fixtures.RepositoryRoot.Combine("docs", "slipway.schema.json")));
        var keys = new List<string>();
        Collect(schema.RootElement, "", keys);

        keys.Should().BeEquivalentTo(AppConfigKeys.Sections.Concat(AppConfigKeys.Values).Concat(AppConfigKeys.Reserved));
    }

    private static void Collect(System.Text.Json.JsonElement schema, string prefix, List<string> keys)
    {
        if (!schema.TryGetProperty("properties", out var properties))
        {
            return;
        }

        foreach (var property in properties.EnumerateObject())
        {
            var key = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            keys.Add(key);
            Collect(property.Value, key, keys);
        }
    }
}
