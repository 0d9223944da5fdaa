using Slipway.Engine.Tests.Fixtures;

namespace Slipway.Engine.Tests.Bootstrap;

/// <summary>build.sh in a fresh copy of the repository, with the real dotnet SDK of this machine.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BuildScriptTests : IClassFixture<RepositoryCopy>
{
    private readonly RepositoryCopy copy;

    public BuildScriptTests(RepositoryCopy copy) => this.copy = copy;

    [Fact]
    public void Help_InAFreshCopy_CompilesTheBuildAndListsTheTargets()
    {
        var result = ScriptRunner.Run(copy.Path, copy.Path / "build.sh", ["--help"]);

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().StartWith("Usage:", "compile output is shown only on failure");
        result.Output.Should().Contain("Targets (with their direct dependencies):").And.MatchRegex(@"\n  Clean\b");
        (copy.Path / ".nuke" / "temp" / "build" / "_build.dll").FileExists().Should().BeTrue();
    }

    [Fact]
    public void SecondRun_WithNothingChanged_RunsTheCompiledBuildWithoutCompiling_AndAChangeCompilesAgain()
    {
        var wrapper = new DotnetWrapper(copy.Path / ".nuke" / "temp" / "wrapper");
        var environment = new Dictionary<string, string> { ["PATH"] = wrapper.Folder + ":" + Environment.GetEnvironmentVariable("PATH") };
        (copy.Path / ".nuke" / "temp" / "build.stamp").DeleteFile();
        ScriptRunner.Run(copy.Path, copy.Path / "build.sh", ["--help"], environment).ExitCode.Should().Be(0);
        wrapper.ClearCalls();

        var unchanged = ScriptRunner.Run(copy.Path, copy.Path / "build.sh", ["Clean", "--plan"], environment);

        unchanged.ExitCode.Should().Be(0, unchanged.Error);
        unchanged.Output.Should().Contain("wave 1: Clean");
        wrapper.Calls().Should().ContainSingle().Which.Should().EndWith("_build.dll Clean --plan", "arguments pass through unchanged");

        File.WriteAllText(copy.Path / "build" / "Added.cs", "// a file added under build/\n");
        wrapper.ClearCalls();
        var changed = ScriptRunner.Run(copy.Path, copy.Path / "build.sh", ["--help"], environment);

        changed.ExitCode.Should().Be(0, changed.Error);
        wrapper.Calls().Should().Contain(call => call.StartsWith("build "), "a file added under build/ compiles it again");
    }

    [Fact]
    public void CompileError_ShowsTheCompilerOutputAndExitsWithOne()
    {
        using var folder = new TemporaryRoot();
        File.Copy(copy.Path / "build.sh", folder.Path / "build.sh");
        File.Copy(copy.Path / "global.json", folder.Path / "global.json");
        var build = (folder.Path / "build").CreateDirectory();
        File.WriteAllText(build / "_build.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(build / "Broken.cs", "class Broken { void Method() { int missingSemicolon = 1 } }\n");

        var result = ScriptRunner.Run(folder.Path, "/bin/bash", [folder.Path / "build.sh", "--help"]);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("error CS1002").And.Contain("Compiling the build failed: fix the errors above");
        result.Output.Should().BeEmpty();
    }

    [Fact]
    public void NoSuitableSdkAndNoDownload_SaysWhatToDoInOneSentence()
    {
        using var folder = new TemporaryRoot();
        File.Copy(copy.Path / "build.sh", folder.Path / "build.sh");
        File.Copy(copy.Path / "global.json", folder.Path / "global.json");
        var fakeDotnet = (folder.Path / "fake").CreateDirectory() / "dotnet";
        File.WriteAllText(fakeDotnet, "#!/bin/sh\necho '8.0.100 [/nowhere/sdk]'\n");
        File.SetUnixFileMode(fakeDotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = (folder.Path / "fake") + ":/usr/bin:/bin",
            // A closed port on loopback stands in for having no internet.
            ["SLIPWAY_DOTNET_INSTALL_URL"] = "http://127.0.0.1:9/dotnet-install.sh",
        };

        var result = ScriptRunner.Run(folder.Path, "/bin/bash", [folder.Path / "build.sh", "--help"], environment);

        result.ExitCode.Should().NotBe(0);
        result.Error.Trim().Should().Be(
            "Could not download the .NET SDK installer from http://127.0.0.1:9/dotnet-install.sh (offline?): install the .NET SDK 10.0.100 " +
            $"(or a later one that global.json allows) from https://dot.net and put dotnet on PATH, then run {folder.Path / "build.sh"} again.");
    }

    [Fact]
    public void Sigterm_CancelsTheRunningTarget_StillRunsTheAssuredOne_AndExitsWith130()
    {
        AddSignalProbes();
        using var script = RunningScript.Start(copy.Path, copy.Path / "build.sh", ["ProbeWait", "ProbeCleanup"]);
        script.WaitForOutput("waiting for a signal", TimeSpan.FromMinutes(5));

        // build.sh hands its process over to the build (exec), so the script's id is the build's.
        Signal(script);
        var result = script.WaitForExit(TimeSpan.FromMinutes(1));

        result.ExitCode.Should().Be(ExitCodes.Cancelled);
        result.Output.Should().Contain("cleaned up").And.MatchRegex(@"ProbeWait\s+Aborted").And.Contain("Build cancelled on ");
    }

    [Fact]
    public void SecondSignal_EndsTheBuildAtOnce_EvenWhenATargetIgnoresCancellation()
    {
        AddSignalProbes();
        using var script = RunningScript.Start(copy.Path, copy.Path / "build.sh", ["ProbeStubborn"]);
        script.WaitForOutput("ignoring signals", TimeSpan.FromMinutes(5));

        Signal(script);
        script.WaitForError("Press Ctrl+C again", TimeSpan.FromSeconds(30));
        Signal(script);
        var result = script.WaitForExit(TimeSpan.FromSeconds(30));

        result.ExitCode.Should().Be(ExitCodes.Cancelled);
        result.Error.Should().Contain("Stopped at once.");
    }

    private static void Signal(RunningScript script) =>
        ScriptRunner.Run("/", "kill", ["-TERM", script.Id.ToString()]).ExitCode.Should().Be(0);

    /// <summary>Adds targets that wait for signals to the copy's build class, whatever the build calls it.</summary>
    private void AddSignalProbes()
    {
        var buildClass = Directory.EnumerateFiles(copy.Path / "build", "*.cs")
            .Select(file => System.Text.RegularExpressions.Regex.Match(File.ReadAllText(file), @"partial class (\w+)\s*:\s*SlipwayBuild"))
            .First(match => match.Success).Groups[1].Value;
        var probes = copy.Path / "build" / "SignalProbes.cs";
        var content = $$"""
            partial class {{buildClass}}
            {
                Target ProbeWait => _ => _.Unlisted().Executes(async cancellation =>
                {
                    Log.Information("waiting for a signal");
                    await Task.Delay(Timeout.Infinite, cancellation);
                });

                Target ProbeCleanup => _ => _.Unlisted().After(ProbeWait).AssuredAfterFailure().Executes(() => Log.Information("cleaned up"));

                Target ProbeStubborn => _ => _.Unlisted().Executes(async () =>
                {
                    Log.Information("ignoring signals");
                    await Task.Delay(Timeout.Infinite);
                });
            }
            """;

        // Rewriting the same content would change its time and compile the build again.
        if (!probes.FileExists() || File.ReadAllText(probes) != content)
        {
            File.WriteAllText(probes, content);
        }
    }

    /// <summary>A dotnet on PATH that records its arguments and hands over to the real one.</summary>
    private sealed class DotnetWrapper
    {
        private readonly AbsolutePath log;

        public DotnetWrapper(AbsolutePath folder)
        {
            Folder = folder.CreateDirectory();
            log = folder / "calls.log";
            var realDotnet = Environment.GetEnvironmentVariable("PATH")!.Split(':')
                .Select(path => System.IO.Path.Combine(path, "dotnet"))
                .First(File.Exists);
            var script = folder / "dotnet";
            File.WriteAllText(script, $"#!/bin/sh\necho \"$*\" >> '{log}'\nexec '{realDotnet}' \"$@\"\n");
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        public AbsolutePath Folder { get; }

        public IReadOnlyList<string> Calls() => log.FileExists() ? File.ReadAllLines(log) : [];

        public void ClearCalls() => log.DeleteFile();
    }
}
