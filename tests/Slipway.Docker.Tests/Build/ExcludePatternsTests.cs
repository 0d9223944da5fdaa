using Slipway.Docker.Build;

namespace Slipway.Docker.Tests.Build;

public sealed class ExcludePatternsTests
{
    [Theory]
    [InlineData("*.log", "debug.log", true)]
    [InlineData("*.log", "logs/debug.log", false)]
    [InlineData("**/*.log", "logs/deep/debug.log", true)]
    [InlineData("node_modules", "node_modules/pkg/index.js", true)]
    [InlineData("node_modules", "web/node_modules", false)]
    [InlineData("/vendor", "vendor/autoload.php", true)]
    [InlineData("./docs/*.md", "docs/readme.md", true)]
    [InlineData("temp?", "temp1", true)]
    [InlineData("temp?", "temp12", false)]
    [InlineData("file[0-9].txt", "file7.txt", true)]
    [InlineData("file[!0-9].txt", "file7.txt", false)]
    [InlineData("web/**/cache", "web/sites/default/files/cache/x", true)]
    [InlineData("a.b", "axb", false)]
    public void Excludes_MatchesLikeDockerignore(string pattern, string path, bool excluded)
    {
        ExcludePatterns.Parse([pattern]).Excludes(path).Should().Be(excluded);
    }

    [Fact]
    public void Excludes_LaterExceptionReincludesAFile()
    {
        var patterns = ExcludePatterns.Parse(["*.md", "!README.md"]);

        patterns.Excludes("CHANGELOG.md").Should().BeTrue();
        patterns.Excludes("README.md").Should().BeFalse();
    }

    [Fact]
    public void Excludes_LastMatchingLineWins()
    {
        var patterns = ExcludePatterns.Parse(["!README.md", "*.md"]);

        patterns.Excludes("README.md").Should().BeTrue();
    }

    [Fact]
    public void Parse_SkipsCommentsAndBlankLines()
    {
        var patterns = ExcludePatterns.Parse(["# build output", "", "   ", "dist"]);

        patterns.Lines.Should().Equal("dist");
        patterns.Excludes("# build output").Should().BeFalse();
    }

    [Fact]
    public void AnyDepth_ExcludesTheNamedSegmentWhereverItAppears()
    {
        var patterns = ExcludePatterns.AnyDepth([".git", "node_modules"]);

        patterns.Excludes(".git/config").Should().BeTrue();
        patterns.Excludes("web/themes/custom/node_modules/x/index.js").Should().BeTrue();
        patterns.Excludes("web/themes/custom/package.json").Should().BeFalse();
        patterns.Excludes("web/.gitignore").Should().BeFalse();
    }
}
