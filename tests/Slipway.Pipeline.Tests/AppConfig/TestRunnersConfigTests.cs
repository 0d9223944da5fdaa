using Slipway.Pipeline.AppConfig;

namespace Slipway.Pipeline.Tests.AppConfig;

public sealed class TestRunnersConfigTests
{
    [Fact]
    public void Runners_OfEachKind_AreReadInOrderWithTheirFilesAndWords()
    {
        using var app = new AppFolder().WithConfig("""
            tests:
              runners:
                - { name: unit, phpunit: web/core/phpunit.xml.dist }
                - { name: features, behat: tests/behat.yml }
                - name: js-2
                  command: [npm, test, --, "--reporter=jest-junit a"]
                  junit: reports/js-junit.xml
            """);

        var runners = AppConfigFile.ReadFrom(app.Path).TestRunners!;

        runners.Select(runner => (runner.Name, runner.Kind, runner.Config, runner.Junit)).Should().Equal(
            ("unit", TestRunnerKind.Phpunit, "web/core/phpunit.xml.dist", null),
            ("features", TestRunnerKind.Behat, "tests/behat.yml", null),
            ("js-2", TestRunnerKind.Command, null, "reports/js-junit.xml"));
        runners[2].Command.Should().Equal("npm", "test", "--", "--reporter=jest-junit a");
    }

    [Fact]
    public void Without_runners_the_profile_keeps_the_implicit_phpunit_and_behat()
    {
        using var app = new AppFolder().WithConfig("tests:\n  phpunit: phpunit.xml\n").With("behat.yml");

        var profile = AppProfile.Load(app.Path);

        profile.TestRunners.Should().BeEmpty();
        profile.PhpunitConfig.Should().Be("phpunit.xml");
        profile.BrowserTests.Should().BeTrue("a behat.yml still asks for the browser");
    }

    [Fact]
    public void With_runners_the_browser_is_asked_for_by_a_behat_runner_only()
    {
        using var withBehat = new AppFolder().WithConfig("tests:\n  runners:\n    - { name: features, behat: behat.yml }\n");
        using var withoutBehat = new AppFolder().WithConfig("tests:\n  runners:\n    - { name: unit, phpunit: phpunit.xml }\n").With("behat.yml");

        AppProfile.Load(withBehat.Path).BrowserTests.Should().BeTrue();
        AppProfile.Load(withoutBehat.Path).BrowserTests.Should().BeFalse("a behat.yml no runner names is not run");
    }

    [Theory]
    [InlineData("tests:\n  runners: unit\n", ".slipway.yml line 2 gives 'tests.runners' a single value or a mapping: it takes a list of runners, e.g. [{ name: unit, phpunit: phpunit.xml.dist }].")]
    [InlineData("tests:\n  runners:\n    - phpunit.xml\n", ".slipway.yml line 3 gives 'tests.runners[1]' a single value or a list: a runner takes keys of its own (name, phpunit, behat, command, junit).")]
    [InlineData("tests:\n  runners:\n    - { phpunit: phpunit.xml }\n", ".slipway.yml line 3 gives 'tests.runners[1]' no name: add 'name: unit' (lower-case letters, digits and -), the name the report shows its results under.")]
    [InlineData("tests:\n  runners:\n    - { name: Unit Tests, phpunit: phpunit.xml }\n", ".slipway.yml line 3 gives 'tests.runners[1].name' the value 'Unit Tests': a runner's name is lower-case letters, digits and -, starting with a letter or digit, at most 30.")]
    [InlineData("tests:\n  runners:\n    - { name: unit, phpunit: a.xml }\n    - { name: unit, behat: behat.yml }\n", ".slipway.yml line 4 names two test runners 'unit': give each runner of 'tests.runners' its own name.")]
    [InlineData("tests:\n  runners:\n    - { name: unit }\n", ".slipway.yml line 3 gives the test runner 'unit' nothing to run: add 'phpunit: <configuration file>', 'behat: <configuration file>' or 'command: [words]'.")]
    [InlineData("tests:\n  runners:\n    - { name: unit, phpunit: a.xml, command: [x], junit: r.xml }\n", ".slipway.yml line 3 gives the test runner 'unit' both 'phpunit' and 'command': a runner runs one of phpunit, behat or command, so split it in two.")]
    [InlineData("tests:\n  runners:\n    - { name: unit, phpunt: a.xml }\n", ".slipway.yml line 3 has the key 'tests.runners[1].phpunt', which Slipway does not know: the nearest valid key is 'tests.runners[1].phpunit'.")]
    [InlineData("tests:\n  runners:\n    - { name: js, command: [npm, test] }\n", ".slipway.yml line 3 gives the test runner 'js' a command but no 'junit': add 'junit: <the JUnit file the command writes, relative to the repository root>'.")]
    [InlineData("tests:\n  runners:\n    - { name: js, command: [npm, test], junit: ../out.xml }\n", ".slipway.yml line 3 gives 'tests.runners[js].junit' the path '../out.xml': write a path inside the repository, relative to its root, without .. (letters, digits, . _ - @ +).")]
    [InlineData("tests:\n  runners:\n    - { name: js, command: [npm, test], junit: /tmp/out.xml }\n", ".slipway.yml line 3 gives 'tests.runners[js].junit' the path '/tmp/out.xml': write a path inside the repository, relative to its root, without .. (letters, digits, . _ - @ +).")]
    [InlineData("tests:\n  runners:\n    - { name: js, command: [npm, test], junit: . }\n", ".slipway.yml line 3 gives 'tests.runners[js].junit' the repository's root: name a file inside it.")]
    [InlineData("tests:\n  runners:\n    - { name: js, command: npm test && rm -rf /, junit: r.xml }\n", ".slipway.yml line 3 gives 'tests.runners[js].command' the value 'npm test && rm -rf /': it takes the command as a list of words run inside the test task without a shell, starting with the program, e.g. [php, tests/checks.php, reports/checks.xml].")]
    [InlineData("tests:\n  runners:\n    - { name: js, command: [--help], junit: r.xml }\n", ".slipway.yml line 3 gives 'tests.runners[js].command' the value a list: it takes the command as a list of words run inside the test task without a shell, starting with the program, e.g. [php, tests/checks.php, reports/checks.xml].")]
    [InlineData("tests:\n  runners:\n    - { name: unit, phpunit: a.xml, junit: r.xml }\n", ".slipway.yml line 3 gives the test runner 'unit' a 'junit' file beside 'phpunit': Slipway tells phpunit where to write its report, so remove 'junit'.")]
    [InlineData("tests:\n  runners:\n    - { name: unit, phpunit: \"a.xml; rm -rf /\" }\n", ".slipway.yml line 3 gives 'tests.runners[unit].phpunit' the path 'a.xml; rm -rf /': write a path inside the repository, relative to its root, without .. (letters, digits, . _ - @ +).")]
    [InlineData("tests:\n  phpunit: a.xml\n  runners:\n    - { name: unit, phpunit: a.xml }\n", ".slipway.yml line 2 gives 'tests.phpunit' beside 'tests.runners': list it as one of the runners instead, e.g. { name: unit, phpunit: 'a.xml' }.")]
    public void A_mistake_in_the_runners_is_one_sentence_naming_the_line_and_the_key(string yaml, string message)
    {
        using var app = new AppFolder().WithConfig(yaml);

        var read = () => AppConfigFile.ReadFrom(app.Path);

        read.Should().Throw<AppConfigException>().Which.Message.Should().Be(message);
    }

    [Fact]
    public void An_empty_list_is_refused_rather_than_run_as_the_implicit_runners()
    {
        using var app = new AppFolder().WithConfig("tests:\n  runners: []\n").With("behat.yml");

        var read = () => AppConfigFile.ReadFrom(app.Path);

        read.Should().Throw<AppConfigException>().WithMessage(
            ".slipway.yml line 2 gives 'tests.runners' an empty list: list at least one runner, e.g. [{ name: unit, phpunit: phpunit.xml.dist }], or remove the key to run phpunit and behat as found.");
    }

    [Fact]
    public void Runners_larger_than_16_KiB_are_refused_as_they_would_not_fit_the_task_environment()
    {
        var words = string.Join(", ", Enumerable.Range(1, 20).Select(number => $"--word-{number}-{new string('x', 990)}"));
        using var app = new AppFolder().WithConfig($"tests:\n  runners:\n    - {{ name: long, command: [php, {words}], junit: r.xml }}\n");

        var read = () => AppConfigFile.ReadFrom(app.Path);

        read.Should().Throw<AppConfigException>().WithMessage(
            ".slipway.yml line 3 gives 'tests.runners' * bytes of names, paths and words: keep them to at most 16384 bytes (16 KiB), e.g. with fewer or shorter command words.");
    }

    [Fact]
    public void More_than_ten_runners_are_refused()
    {
        var runners = string.Concat(Enumerable.Range(1, 11).Select(number => $"    - {{ name: r{number}, phpunit: a.xml }}\n"));
        using var app = new AppFolder().WithConfig("tests:\n  runners:\n" + runners);

        var read = () => AppConfigFile.ReadFrom(app.Path);

        read.Should().Throw<AppConfigException>().WithMessage(".slipway.yml line 3 lists 11 test runners: keep 'tests.runners' to at most 10.");
    }
}
