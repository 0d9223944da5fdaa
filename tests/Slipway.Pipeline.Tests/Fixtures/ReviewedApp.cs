using Slipway.Pipeline.Tests.Deploy;

namespace Slipway.Pipeline.Tests.Fixtures;

/// <summary>
/// A git copy of tests/fixtures/failing-app (one failing test, a syntax error, a coding-standard finding) on a base
/// branch, and a feature branch off it that adds one new failing test and one new finding and moves the old finding
/// down by an edit above it: the pull request a reviewer should see two annotations for.
/// </summary>
public sealed class ReviewedApp
{
    private const string TestFile = "tests/CalculatorTest.php";
    private const string NewFindingFile = "src/Adder.php";
    private const string MovedFindingFile = "src/Calculator.php";

    private ReviewedApp(AppRepository repository, string baseBranch, string featureBranch)
    {
        Repository = repository;
        BaseBranch = baseBranch;
        FeatureBranch = featureBranch;
    }

    public AppRepository Repository { get; }

    public string Path => Repository.Path;

    public string BaseBranch { get; }

    public string FeatureBranch { get; }

    public string BaseCommit { get; private set; } = "";

    public string FeatureCommit { get; private set; } = "";

    /// <summary>The new failing test: file, line of its failed assertion, name.</summary>
    public (string File, int Line, string Name) NewFailingTest { get; private set; }

    /// <summary>The new phpcs finding: the opening brace of a class on its declaration's line.</summary>
    public (string File, int Line) NewFinding { get; private set; }

    /// <summary>The base branch's phpcs finding after the feature's edit above it moved it down.</summary>
    public (string File, int Line) MovedFinding { get; private set; }

    /// <summary>The app with its origin at <paramref name="remote"/>, its base and feature branches committed.</summary>
    public static async Task<ReviewedApp> CreateAsync(string folder, string remote, string baseBranch, string featureBranch)
    {
        var repository = await AppRepository.CreateAsync(folder, "docs: readme", withRemote: false);
        File.Delete(System.IO.Path.Combine(repository.Path, "README.md"));
        FolderCopy.Copy(RepositoryRoot.Combine("tests", "fixtures", "failing-app"), repository.Path);
        await IsolatedGit.RunAsync(repository.Path, "remote", "add", "origin", remote);
        var app = new ReviewedApp(repository, baseBranch, featureBranch);
        await IsolatedGit.RunAsync(repository.Path, "checkout", "--quiet", "-b", baseBranch);
        app.BaseCommit = await repository.CommitAsync("feat: the calculator");

        await IsolatedGit.RunAsync(repository.Path, "checkout", "--quiet", "-b", featureBranch);
        app.AddFailingTest();
        app.AddFinding();
        app.MoveOldFinding();
        app.FeatureCommit = await repository.CommitAsync("feat: an adder, a broken multiplication test, more words on the calculator");
        return app;
    }

    /// <summary>Points origin somewhere else (the same commits on another provider).</summary>
    public Task MoveOriginAsync(string remote) => IsolatedGit.RunAsync(Path, "remote", "set-url", "origin", remote);

    private void AddFailingTest()
    {
        const string assertion = "self::assertSame(7, (new Calculator())->multiply(2, 3));";
        var lines = Read(TestFile);
        var classEnd = lines.FindLastIndex(line => line == "}");
        lines.InsertRange(classEnd, [
            "",
            "    public function testMultiplyIsNewlyBroken(): void",
            "    {",
            $"        {assertion}",
            "    }",
        ]);
        Write(TestFile, lines);
        NewFailingTest = (TestFile, LineOf(lines, assertion), "testMultiplyIsNewlyBroken");
    }

    private void AddFinding()
    {
        List<string> lines =
        [
            "<?php",
            "",
            "declare(strict_types=1);",
            "",
            "namespace FailingApp;",
            "",
            "/**",
            " * Sums a list of whole numbers.",
            " */",
            "final class Adder {",
            "    public function sum(int ...$values): int",
            "    {",
            "        return array_sum($values);",
            "    }",
            "}",
        ];
        Write(NewFindingFile, lines);
        NewFinding = (NewFindingFile, LineOf(lines, "final class Adder {"));
    }

    private void MoveOldFinding()
    {
        var lines = Read(MovedFindingFile);
        var docEnd = lines.FindIndex(line => line == " */");
        lines.InsertRange(docEnd, [" *", " * Both operands and the result stay within PHP's integer range;", " * nothing here rounds."]);
        Write(MovedFindingFile, lines);
        MovedFinding = (MovedFindingFile, LineOf(lines, "final class Calculator {"));
    }

    private List<string> Read(string file) => File.ReadAllLines(System.IO.Path.Combine(Path, file)).ToList();

    private void Write(string file, List<string> lines) => Repository.Write(file, string.Join('\n', lines) + "\n");

    private static int LineOf(List<string> lines, string text) => lines.FindIndex(line => line.Trim() == text.Trim()) + 1;
}
