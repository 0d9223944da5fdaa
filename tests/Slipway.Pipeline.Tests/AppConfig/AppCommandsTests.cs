using Slipway.Pipeline.AppConfig;
using Slipway.Pipeline.Commands;

namespace Slipway.Pipeline.Tests.AppConfig;

/// <summary><c>commands</c> and <c>cron</c> in <c>.slipway.yml</c>, and how a line of command text becomes words.</summary>
public sealed class AppCommandsTests
{
    private static AppConfigFile Parse(string yaml)
    {
        using var app = new AppFolder().WithConfig(yaml);
        return AppConfigFile.ReadFrom(app.Path);
    }

    [Fact]
    public void Commands_AsLinesOrWordLists_BecomeTheWordsOfAnExec()
    {
        var file = Parse("""
            commands:
              - drush cr
              - drush updb -y
              - [drush, php-eval, "echo 'a b';"]
            cron:
              command: php cron.php
              playgrounds: true
            """);

        file.Commands!.AllowList!.Select(command => command.Words).Should().BeEquivalentTo(
            new[] { new[] { "drush", "cr" }, ["drush", "updb", "-y"], ["drush", "php-eval", "echo 'a b';"] }, options => options.WithStrictOrdering());
        file.Commands.CronCommand!.Words.Should().Equal("php", "cron.php");
        file.Commands.CronOnPlaygrounds.Should().BeTrue();
        file.Commands.CronOnDevelopment.Should().BeNull();
    }

    [Theory]
    [InlineData("commands: drush cr", "line 1 gives 'commands' a single value: it takes a list of commands")]
    [InlineData("commands:\n  - --uri=evil drush", "line 2 gives 'commands' a command that starts with '--uri=evil'")]
    [InlineData("commands:\n  - drush 'cr", "line 2 gives 'commands' a command Slipway cannot run (The command 'drush 'cr' opens a single quote it does not close")]
    [InlineData("cron:\n  playgrounds: yes please", "line 2 gives 'cron.playgrounds' a value other than true or false")]
    [InlineData("cron:\n  comand: drush cron", "has the key 'cron.comand', which Slipway does not know: the nearest valid key is 'cron.command'")]
    public void Mistakes_AreOneSentenceNamingTheLineAndKey(string yaml, string expected)
    {
        var read = () => Parse(yaml);

        read.Should().Throw<AppConfigException>().Which.Message.Should().Contain(expected);
    }

    [Theory]
    [InlineData("drush cr", new[] { "drush", "cr" })]
    [InlineData("  php -r 'echo \"$HOME; rm -rf /\";'  ", new[] { "php", "-r", "echo \"$HOME; rm -rf /\";" })]
    [InlineData("drush sql-query \"SELECT 1\" | cat", new[] { "drush", "sql-query", "SELECT 1", "|", "cat" })]
    [InlineData("a''b \"\"", new[] { "ab", "" })]
    public void Parse_SplitsLikeAShellWithoutExpandingAnything(string line, string[] words)
    {
        CommandWords.Parse(line).Words.Should().Equal(words);
    }

    [Fact]
    public void ToString_QuotesWordsSoThatParsingThemAgainGivesTheSameWords()
    {
        var command = CommandWords.Of(["php", "-r", "echo 'it''s';", ""]);

        CommandWords.Parse(command.ToString()).Should().Be(command);
    }

    [Fact]
    public void AllowList_TakesOnlyAListedCommand_WithTheListsOwnWords()
    {
        var settings = new BranchAppSettings("/app", Parse("commands: [drush cr, drush updb -y]"), null!);

        CommandAllowList.Pick(settings, " drush updb -y ").Words.Should().Equal("drush", "updb", "-y");
        var refused = () => CommandAllowList.Pick(settings, "drush sql-drop -y");
        refused.Should().Throw<CommandException>().WithMessage(
            "'drush sql-drop -y' is not on the app's command allow-list (allowed: drush cr, drush updb -y): add it under commands in .slipway.yml, or start it with the service token.");
    }
}
