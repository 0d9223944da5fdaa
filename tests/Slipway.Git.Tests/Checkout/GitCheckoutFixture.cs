using Slipway.Git.Checkout;
using Slipway.Git.Tests.Fixtures;

namespace Slipway.Git.Tests.Checkout;

/// <summary>An app repository with a <c>main</c> and a <c>feature/x</c> branch, and a work folder to check it out into.</summary>
public sealed class GitCheckoutFixture : IDisposable
{
    private readonly TempFolder temp;

    private GitCheckoutFixture(TempFolder temp, TestRepository app, string mainCommit, string featureCommit)
    {
        this.temp = temp;
        App = app;
        MainCommit = mainCommit;
        FeatureCommit = featureCommit;
    }

    public TestRepository App { get; }

    /// <summary>The head of <c>main</c>: index.php says "main".</summary>
    public string MainCommit { get; }

    /// <summary>The head of <c>feature/x</c>: index.php says "feature".</summary>
    public string FeatureCommit { get; }

    public string WorkFolder => temp.Combine("work", "app", "src");

    public SourceCheckout Checkout { get; } = new(TestGit.Cli);

    public static async Task<GitCheckoutFixture> CreateAsync()
    {
        var temp = new TempFolder();
        var app = await TestRepository.CreateAsync(temp.Combine("app"));
        app.Write(".gitignore", "/vendor/\n");
        app.Write("index.php", "<?php echo 'main';\n");
        var main = await app.CommitAsync("feat: front page");
        await app.RunAsync("switch", "--quiet", "--create", "feature/x");
        app.Write("index.php", "<?php echo 'feature';\n");
        var feature = await app.CommitAsync("feat: feature page");
        await app.RunAsync("switch", "--quiet", "main");
        return new GitCheckoutFixture(temp, app, main, feature);
    }

    /// <summary>Checks out the app (its file:// URL unless another --app is given) into the work folder.</summary>
    public Task<CheckoutResult> CheckOutAsync(string? branch, string? commit = null, string? app = null) =>
        Checkout.CheckOutAsync(AppSource.Resolve(app ?? App.Url, branch, commit), WorkFolder, CancellationToken.None);

    public string WorkPath(string relativePath) => Path.Combine(WorkFolder, relativePath);

    public string ReadWork(string relativePath) => File.ReadAllText(WorkPath(relativePath));

    public void WriteWork(string relativePath, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(WorkPath(relativePath))!);
        File.WriteAllText(WorkPath(relativePath), content);
    }

    public string Combine(params string[] parts) => temp.Combine(parts);

    public void Dispose() => temp.Dispose();
}
