using Slipway.Git;
using Slipway.Git.Checkout;
using Slipway.Pipeline.Building;
using Slipway.Pipeline.Playground;
using Slipway.Pipeline.State;
using Slipway.Platform;
using Slipway.Status;

namespace Slipway.Pipeline.Running;

/// <summary>What the stages talk to. Built in one place (Slipway.Composition's PipelineComposition).</summary>
/// <param name="Platform">Where test, analysis and playground tasks run (local or AWS).</param>
/// <param name="BuildPlatform">Where the builder container runs: always the local engine.</param>
/// <param name="Images">The engine that builds images.</param>
/// <param name="ImageStore">The same engine's tag and push, for releases.</param>
/// <param name="Git">The git the checkout uses, for release tags.</param>
/// <param name="Pricing">How AWS tasks are priced; null on the local engine (machine time only).</param>
/// <param name="Files">The app's public files the playground gets a copy of; none when null.</param>
/// <param name="History">What completed runs found (new or old findings, flaky tests); none kept when null.</param>
/// <param name="Screenshots">Where screenshots are kept for links when the run has no page on the service; none when null.</param>
public sealed record PipelineServices(
    IPlatform Platform,
    IPlatform BuildPlatform,
    IImageBuilder Images,
    IImageStore ImageStore,
    ISourceCheckout Checkout,
    GitCli Git,
    IRunStore Store,
    IRunStatusReporter Reporter,
    PlaygroundProbe Probe,
    SlipwayLayout Layout,
    TimeProvider Clock,
    IResultHistory? History = null,
    Costs.TaskPricing? Pricing = null,
    IAppFiles? Files = null,
    IScreenshotStore? Screenshots = null);
