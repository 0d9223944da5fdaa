using Slipway.Data.Branches;

namespace Slipway.Data.Tests.Branches;

public sealed class DatabaseNamesTests
{
    [Fact]
    public void A_branch_database_is_named_after_app_and_branch_slug()
    {
        DatabaseNames.Database("drupal-site", "feature-login").Should().Be("drupal_site_feature_login");
    }

    [Fact]
    public void Long_names_fit_the_server_limits_and_stay_distinct()
    {
        var slug = new string('a', 40);
        var first = DatabaseNames.User("an-app-with-a-long-name", slug + "-1");
        var second = DatabaseNames.User("an-app-with-a-long-name", slug + "-2");

        first.Length.Should().BeLessThanOrEqualTo(DatabaseNames.UserLimit);
        DatabaseNames.Database("an-app-with-a-long-name", slug + "-1").Length.Should().BeLessThanOrEqualTo(DatabaseNames.DatabaseLimit);
        first.Should().NotBe(second);
    }
}
