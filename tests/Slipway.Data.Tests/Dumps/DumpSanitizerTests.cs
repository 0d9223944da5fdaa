using Slipway.Data.Dumps;

namespace Slipway.Data.Tests.Dumps;

public sealed class DumpSanitizerTests
{
    private static async Task<string> SanitizeAsync(string dump, SanitizeRules? rules = null)
    {
        var output = new StringWriter();
        await new DumpSanitizer(rules ?? SanitizeRules.Drupal).SanitizeAsync(new StringReader(dump), output, CancellationToken.None);
        return output.ToString();
    }

    [Fact]
    public async Task User_emails_and_password_hashes_are_replaced_and_other_values_kept()
    {
        const string line = "INSERT INTO `users` (`uid`, `name`, `pass`, `mail`, `init`, `data`) VALUES " +
            "(0,'','','','',NULL),(1,'admin','$S$Dabc,def)','boss@customer.example','boss@customer.example','a:1:{s:1:\\\"x\\\";s:3:\\\"a,b\\\";}')," +
            "(7,'O\\'Brien, Pat','$S$Dxyz','pat@customer.example','pat@customer.example',NULL);";

        var sanitized = await SanitizeAsync(line + "\n");

        sanitized.Should().NotContain("customer.example").And.NotContain("$S$D");
        sanitized.Should().Contain("(1,'admin','sanitized-by-slipway','user1@example.invalid','user1@example.invalid','a:1:{s:1:\\\"x\\\";s:3:\\\"a,b\\\";}')");
        sanitized.Should().Contain("(7,'O\\'Brien, Pat','sanitized-by-slipway','user7@example.invalid'");
        sanitized.Should().Contain("(0,'','','','',NULL)", "the anonymous user's empty values stay empty");
    }

    [Fact]
    public async Task Rows_of_sessions_caches_watchdog_and_flood_are_left_out_and_their_tables_kept()
    {
        var dump = string.Join('\n',
            "CREATE TABLE `cache_form` (`cid` varchar(255));",
            "INSERT INTO `cache_form` (`cid`) VALUES ('secret-form');",
            "INSERT INTO `sessions` (`sid`) VALUES ('session-id');",
            "INSERT INTO `watchdog` (`message`) VALUES ('login from 10.1.2.3');",
            "INSERT INTO `flood` (`event`) VALUES ('failed_login');",
            "INSERT INTO `node` (`nid`, `title`) VALUES (1,'Kept');") + "\n";

        var sanitized = await SanitizeAsync(dump);

        sanitized.Should().Contain("CREATE TABLE `cache_form`").And.Contain("'Kept'");
        sanitized.Should().NotContain("secret-form").And.NotContain("session-id").And.NotContain("10.1.2.3").And.NotContain("failed_login");
    }

    [Fact]
    public async Task Statements_with_one_row_per_line_as_MariaDB_writes_them_are_sanitized_whole()
    {
        var dump = string.Join('\n',
            "INSERT INTO `cache_update` (`cid`, `data`) VALUES",
            "('fetch_failures',0x61),",
            "('update_project_data',0x62);",
            "INSERT INTO `users` (`uid`, `pass`, `mail`) VALUES",
            "(1,'$S$Dhash1','one@customer.example'),",
            "(2,'$S$Dhash2','two@customer.example');",
            "UNLOCK TABLES;") + "\n";

        var sanitized = await SanitizeAsync(dump);

        sanitized.Should().Be(string.Join('\n',
            "INSERT INTO `users` (`uid`, `pass`, `mail`) VALUES",
            "(1,'sanitized-by-slipway','user1@example.invalid'),",
            "(2,'sanitized-by-slipway','user2@example.invalid');",
            "UNLOCK TABLES;") + "\n");
    }

    [Fact]
    public async Task Extra_statements_from_the_app_are_appended()
    {
        var rules = SanitizeRules.Drupal.WithExtraStatements(["UPDATE variable SET value = 's:0:\"\";' WHERE name = 'site_mail'"]);

        var sanitized = await SanitizeAsync("SELECT 1;\n", rules);

        sanitized.Should().EndWith("WHERE name = 'site_mail';\n");
    }

    [Fact]
    public async Task A_dump_without_column_lists_is_refused_with_what_to_do()
    {
        var act = () => SanitizeAsync("INSERT INTO `users` VALUES (1,'a','b');\n");

        (await act.Should().ThrowAsync<DataException>()).Which.Message.Should().Contain("--complete-insert");
    }
}
