using System.Text.Json;
using System.Text.RegularExpressions;

namespace Slipway.Aws.Tests.Settings;

/// <summary>The example profile .nuke/parameters.aws.json and its documentation in docs/aws.md.</summary>
public sealed class AwsProfileTests
{
    [Fact]
    public void The_example_profile_reads_into_settings_without_problems()
    {
        var settings = AwsSettingsProfile.FromJson(File.ReadAllText(RepositoryFile(".nuke/parameters.aws.json")));

        settings.Validate().Should().BeEmpty();
        settings.Subnets.Should().HaveCount(2);
        settings.PlaygroundAddress.Should().Be(PlaygroundAddress.Public);
    }

    [Fact]
    public void Every_key_of_the_example_profile_is_documented_in_docs_aws_md()
    {
        using var profile = JsonDocument.Parse(File.ReadAllText(RepositoryFile(".nuke/parameters.aws.json")));
        var documented = Regex.Matches(File.ReadAllText(RepositoryFile("docs/aws.md")), @"^\| `(\w+)` \|", RegexOptions.Multiline)
            .Select(match => match.Groups[1].Value)
            .ToHashSet();

        var keys = profile.RootElement.EnumerateObject().Select(property => property.Name).Where(name => name.StartsWith("Aws", StringComparison.Ordinal)).ToList();

        keys.Should().NotBeEmpty().And.OnlyContain(key => documented.Contains(key));
    }

    [Fact]
    public void Parameters_given_as_text_read_lists_sizes_and_durations()
    {
        var settings = AwsSettingsProfile.FromParameters(new Dictionary<string, string?>
        {
            ["AwsSubnets"] = "subnet-1, subnet-2",
            ["AwsPlaygroundCpu"] = "1024",
            ["AwsPlaygroundMemory"] = "3072",
            ["AwsTaskTimeout"] = "01:15:00",
            ["AwsUnreachableBudget"] = "00:00:10",
            ["AwsPlaygroundAddress"] = "private",
            ["AwsAssignPublicIp"] = "false",
        });

        settings.Subnets.Should().Equal("subnet-1", "subnet-2");
        settings.PlaygroundSize.Should().Be(new TaskSize(1024, 3072));
        settings.TaskTimeout.Should().Be(TimeSpan.FromMinutes(75));
        settings.UnreachableBudget.Should().Be(TimeSpan.FromSeconds(10));
        settings.PlaygroundAddress.Should().Be(PlaygroundAddress.Private);
        settings.AssignPublicIp.Should().BeFalse();
        settings.LogGroup.Should().Be("/slipway", "a key left out keeps its default");
    }

    [Fact]
    public void A_value_of_the_wrong_kind_names_the_key_to_fix()
    {
        var read = () => AwsSettingsProfile.FromParameters(new Dictionary<string, string?> { ["AwsTestsCpu"] = "one" });

        read.Should().Throw<AwsException>().WithMessage("AwsTestsCpu is 'one', which is not a whole number: fix it in .nuke/parameters.aws.json or on the command line.");
    }

    internal static string RepositoryFile(string relativePath)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Slipway.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("The tests do not run inside the repository."), relativePath);
    }
}
