using System.Net;
using System.Web;
using Amazon.Runtime;
using Slipway.Data.Screenshots;
using Slipway.Data.Tests.Fixtures;

namespace Slipway.Data.Tests.Screenshots;

/// <summary>Screenshots kept in a bucket for Slack links: uploaded as PNGs, opened by a presigned address for 7 days.</summary>
public sealed class S3ScreenshotStoreTests(MotoS3Fixture moto) : IClassFixture<MotoS3Fixture>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];

    [Fact]
    public async Task A_screenshot_is_uploaded_under_its_app_and_run_and_its_SigV4_presigned_address_opens_it_for_a_week()
    {
        await moto.S3.PutBucketAsync("team-artifacts");
        var store = new S3ScreenshotStore(moto.S3, "team-artifacts", "slipway/screenshots/", TimeProvider.System);

        var address = await store.PutAsync("shop", "20261206-021500-ab12", "testLogin.png", Png, CancellationToken.None);

        address.Host.Should().Be("127.0.0.1", "the emulator answers on loopback");
        var query = HttpUtility.ParseQueryString(address.Query);
        query["X-Amz-Algorithm"].Should().Be("AWS4-HMAC-SHA256", "buckets made since 2020 take only SigV4, also in us-east-1 (this client's region)");
        int.Parse(query["X-Amz-Expires"]!).Should().BeInRange(604_700, 604_800, "a week less a minute, SigV4's longest");
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using var opened = await http.GetAsync(address);
        opened.StatusCode.Should().Be(HttpStatusCode.OK);
        opened.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        (await opened.Content.ReadAsByteArrayAsync()).Should().Equal(Png);
        (await moto.S3.GetObjectMetadataAsync("team-artifacts", "slipway/screenshots/shop/20261206-021500-ab12/testLogin.png"))
            .ContentLength.Should().Be(Png.Length);
    }

    [Fact]
    public async Task A_missing_bucket_is_one_sentence_naming_it()
    {
        var store = new S3ScreenshotStore(moto.S3, "no-such-artifacts", "", TimeProvider.System);

        var put = () => store.PutAsync("shop", "r-1", "testLogin.png", Png, CancellationToken.None);

        (await put.Should().ThrowAsync<DataException>()).Which.Message.Should()
            .Be("The screenshots bucket no-such-artifacts refused testLogin.png (NoSuchBucket): check that it exists and that Slipway may s3:PutObject there.");
    }

    [Theory]
    [InlineData("team-artifacts", "team-artifacts", "")]
    [InlineData("team-artifacts/slipway/screenshots", "team-artifacts", "slipway/screenshots/")]
    [InlineData("s3://team-artifacts", "team-artifacts", "")]
    [InlineData(" s3://team-artifacts/ci/ ", "team-artifacts", "ci/")]
    public void The_setting_is_a_bucket_with_an_optional_prefix_with_or_without_s3_scheme(string setting, string bucket, string prefix) =>
        S3ScreenshotStore.ReadSetting(setting).Should().Be((bucket, prefix));

    [Theory]
    [InlineData("s3:")]
    [InlineData("s3:/team-artifacts")]
    [InlineData("Team_Artifacts/ci")]
    [InlineData("s3:///ci")]
    public void A_setting_without_a_bucket_name_stops_the_start_with_one_sentence(string setting)
    {
        var read = () => S3ScreenshotStore.FromSetting(setting);

        read.Should().Throw<DataException>().Which.Message.Should().Be(
            $"--screenshots-bucket '{setting}' does not start with a bucket's name: write bucket/prefix or s3://bucket/prefix, the name 3 to 63 lower-case letters, digits, '-' or '.', such as s3://team-artifacts/slipway.");
    }

    [Fact]
    public void Temporary_credentials_are_warned_of_as_links_that_end_with_the_session()
    {
        var warning = S3ScreenshotStore.TemporaryCredentialsWarning(new SessionAWSCredentials("ASIAEXAMPLE", "secret", "session-token"));

        warning.Should().Be(
            "The AWS credentials are temporary (a session token), so screenshot links from --screenshots-bucket stop working when the session does, not after 7 days: such sessions often last an hour. Long-term keys of an IAM user give week-long links.");
        warning.Should().NotContain("secret").And.NotContain("session-token").And.NotContain("ASIAEXAMPLE");
    }

    [Fact]
    public void Long_term_keys_are_not_warned_of() =>
        S3ScreenshotStore.TemporaryCredentialsWarning(new BasicAWSCredentials("AKIAEXAMPLE", "secret")).Should().BeNull();
}
