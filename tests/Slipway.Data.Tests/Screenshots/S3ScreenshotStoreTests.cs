using System.Net;
using System.Web;
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
}
