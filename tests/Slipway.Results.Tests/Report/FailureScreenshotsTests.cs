namespace Slipway.Results.Tests.Report;

/// <summary>Which screenshot a failing test's link points at, in Slack and the checks.</summary>
public sealed class FailureScreenshotsTests
{
    private static readonly TaskAttachment Login = Shot("testLogin.png");
    private static readonly TaskAttachment Data = Shot("data.png");
    private static readonly TaskAttachment Cart = Shot("cart-step-3.png");

    [Fact]
    public void The_screenshot_the_failure_message_names_is_the_tests_even_when_named_otherwise()
    {
        var test = Failing("testCheckout", "The total is 0 (screenshot: /tmp/slipway-screenshots/cart-step-3.png)");

        FailureScreenshots.Of(test, [Login, Cart]).Should().BeSameAs(Cart);
    }

    [Fact]
    public void A_test_whose_message_names_no_screenshot_gets_the_one_named_after_its_method()
    {
        var test = Failing("testLogin", "Failed asserting that false is true.");

        FailureScreenshots.Of(test, [Cart, Login]).Should().BeSameAs(Login);
    }

    [Fact]
    public void A_name_inside_a_longer_file_name_is_not_a_mention()
    {
        var test = Failing("testImport", "Could not read metadata.png");

        FailureScreenshots.Of(test, [Data]).Should().BeNull("metadata.png is another file than data.png");
    }

    [Theory]
    [InlineData("Kept an old copy as data.png.bak")]
    [InlineData("See data.png-old for the first try")]
    [InlineData("Wrote data.png_2")]
    public void A_name_at_the_start_of_a_longer_file_name_is_not_a_mention(string message)
    {
        FailureScreenshots.Of(Failing("testImport", message), [Data]).Should().BeNull("the message names another file than data.png");
    }

    [Theory]
    [InlineData("Saved data.png.")]
    [InlineData("Saved data.png")]
    [InlineData("Saved (data.png), see it")]
    [InlineData("Saved data.png. Then it failed.")]
    public void A_whole_name_followed_by_punctuation_or_the_end_is_a_mention(string message)
    {
        FailureScreenshots.Of(Failing("testImport", message), [Data]).Should().BeSameAs(Data);
    }

    [Fact]
    public void A_test_without_its_screenshot_gets_none()
    {
        FailureScreenshots.Of(Failing("testLogout", "Failed."), [Login, Cart]).Should().BeNull();
        FailureScreenshots.Of(Failing("testLogin", "Failed."), []).Should().BeNull();
    }

    [Theory]
    [InlineData("shot.png", true)]
    [InlineData("Login_step-2.v1.png", true)]
    [InlineData("../report.png", false)]
    [InlineData(".hidden.png", false)]
    [InlineData("shot.PNG", false)]
    [InlineData("shot.png\n", false)]
    [InlineData("a b.png", false)]
    [InlineData("report.json", false)]
    public void Only_plain_png_names_are_screenshot_names(string name, bool plain)
    {
        TaskAttachment.IsPlainName(name).Should().Be(plain);
    }

    private static TaskAttachment Shot(string name) => new("browser", name, [0x89, 0x50, 0x4E, 0x47]);

    private static TestCaseResult Failing(string name, string message) => new()
    {
        Name = name,
        ClassName = "Drupal\\Tests\\shop\\FunctionalJavascript\\CheckoutTest",
        Outcome = TestOutcome.Failed,
        Message = message,
    };
}
