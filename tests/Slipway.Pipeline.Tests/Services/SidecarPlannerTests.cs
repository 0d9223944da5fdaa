using Slipway.Pipeline.AppConfig;
using Slipway.Pipeline.Services;
using Slipway.Pipeline.Tests.AppConfig;
using Slipway.Platform;

namespace Slipway.Pipeline.Tests.Services;

public sealed class SidecarPlannerTests
{
    [Fact]
    public void Browser_tests_get_a_browser_beside_the_tests_and_the_playground_gets_none()
    {
        using var app = new AppFolder().With("web/index.php", "<?php\n").WithConfig("docroot: web\nservices:\n  redis:\ntests:\n  browser: true\n");
        var profile = AppProfile.Load(app.Path);

        SidecarPlanner.Wanted(profile, TaskKind.Tests).Select(service => (service.Name, service.Kind)).Should()
            .Equal(("redis", ServiceKind.Redis), (SidecarPlanner.BrowserName, ServiceKind.Chromium));
        SidecarPlanner.Wanted(profile, TaskKind.Playground).Select(service => service.Name).Should().Equal("redis");
        SidecarPlanner.Wanted(profile, TaskKind.Analysis).Should().BeEmpty();
    }

    [Fact]
    public void A_chromium_the_app_declares_is_the_tests_browser_and_no_second_one_is_added()
    {
        using var app = new AppFolder().With("behat.yml", "default: {}\n").WithConfig("services:\n  chrome:\n    kind: chromium\n");
        var profile = AppProfile.Load(app.Path);

        SidecarPlanner.Wanted(profile, TaskKind.Tests).Select(service => service.Name).Should().Equal("chrome");
        SidecarPlanner.Wanted(profile, TaskKind.Playground).Should().BeEmpty();
    }
}
