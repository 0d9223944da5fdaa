using Slipway.Engine.Parameters;

namespace Slipway.Engine.Tests.Parameters;

/// <summary>The one reader of app=value list parameters (--cron-schedules, --files-source).</summary>
public class KeyedEntriesTests
{
    [Fact]
    public void Read_SeveralEntries_GivesEachKeyItsValue_KeysIgnoreCase_ValuesKeepTheirEqualsSigns()
    {
        var entries = KeyedEntries.Read(["shop=/mnt/shop", " Blog = /mnt/a=b/blog "], "--files-source", "app=folder", "shop=/mnt/shop");

        entries.Should().HaveCount(2);
        entries["shop"].Should().Be("/mnt/shop");
        entries["blog"].Should().Be("/mnt/a=b/blog");
    }

    [Fact]
    public void Read_OneBareValue_IsTheBareKeys_WhenTheFlagAllowsIt()
    {
        KeyedEntries.Read(["/mnt/a=b/files"], "--files-source", "app=folder", "shop=/mnt/shop", bareKey: "shop")
            .Should().Equal(new Dictionary<string, string> { ["shop"] = "/mnt/a=b/files" });
    }

    [Theory]
    [InlineData("--cron-schedules", null, new[] { "hourly" }, "--cron-schedules entry 'hourly' is not app=value: write it like shop=x.")]
    [InlineData("--cron-schedules", null, new[] { "shop=" }, "--cron-schedules entry 'shop=' is not app=value: write it like shop=x.")]
    [InlineData("--files-source", "shop", new[] { "blog=/mnt/blog", "/mnt/shop" },
        "--files-source entry '/mnt/shop' is not app=value: write it like shop=x (a value without its key only when it is the one entry).")]
    [InlineData("--files-source", "shop", new[] { "shop=/a", "SHOP=/b" }, "--files-source names 'SHOP' twice: give each one entry.")]
    public void Read_AnEntryThatIsNotKeyEqualsValue_IsOneSentenceNamingTheFlagAndTheEntry(string flag, string? bareKey, string[] given, string message)
    {
        var read = () => KeyedEntries.Read(given, flag, "app=value", "shop=x", bareKey);

        read.Should().Throw<BuildFailedException>().Which.Message.Should().Be(message);
    }
}
