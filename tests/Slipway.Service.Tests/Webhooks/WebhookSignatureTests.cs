using System.Text;
using Slipway.Service.Webhooks;

namespace Slipway.Service.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"zen\":\"Design for failure.\"}");

    [Fact]
    public void Sign_MatchesAnHmacSha256ComputedIndependently()
    {
        // The example in GitHub's guide to validating deliveries; openssl dgst -sha256 -hmac gives the same.
        var signature = WebhookSignature.Sign("It's a Secret to Everybody", Encoding.UTF8.GetBytes("Hello, World!"));

        signature.Should().Be("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    }

    [Fact]
    public void Verify_TheSignatureOfTheBody_IsTrue() =>
        WebhookSignature.Verify("s3cret", WebhookSignature.Sign("s3cret", Body), Body).Should().BeTrue();

    [Fact]
    public void Verify_UpperCaseHex_IsTrue() =>
        WebhookSignature.Verify("s3cret", "sha256=" + WebhookSignature.Sign("s3cret", Body)["sha256=".Length..].ToUpperInvariant(), Body).Should().BeTrue();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha256=zz07ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha1=757107ea0eb2509fc211221cce984b8a37570b6d")]
    public void Verify_MissingOrMalformedHeader_IsFalse(string? header) =>
        WebhookSignature.Verify("s3cret", header, Body).Should().BeFalse();

    [Fact]
    public void Verify_AnotherSecretOrAnotherBody_IsFalse()
    {
        var signature = WebhookSignature.Sign("s3cret", Body);

        WebhookSignature.Verify("other", signature, Body).Should().BeFalse();
        WebhookSignature.Verify("s3cret", signature, Encoding.UTF8.GetBytes("{\"zen\":\"Design for success.\"}")).Should().BeFalse();
    }
}
