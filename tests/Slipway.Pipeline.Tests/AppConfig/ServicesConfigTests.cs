using Slipway.Pipeline.AppConfig;

namespace Slipway.Pipeline.Tests.AppConfig;

public sealed class ServicesConfigTests
{
    [Fact]
    public void Services_ByKindByImageAndByName_AreReadWithTheKindsPorts()
    {
        using var app = new AppFolder().WithConfig("""
            services:
              redis:
              cache:
                kind: memcached
                environment:
                  MEMCACHED_MEMORY: "64"
              search:
                kind: solr
                image: solr:9.6
              queue:
                image: 127.0.0.1:5000/team/queue:1.2
                port: 5672
                ready: [queue-ctl, ping, --quiet]
            """);

        var services = AppConfigFile.ReadFrom(app.Path).Services!;

        services.Select(service => (service.Name, service.Kind, service.Image, service.Port)).Should().Equal(
            ("redis", ServiceKind.Redis, null, 6379),
            ("cache", ServiceKind.Memcached, null, 11211),
            ("search", ServiceKind.Solr, "solr:9.6", 8983),
            ("queue", null, "127.0.0.1:5000/team/queue:1.2", 5672));
        services[1].Environment.Should().Equal(new Dictionary<string, string> { ["MEMCACHED_MEMORY"] = "64" });
        services[3].Ready.Should().Equal("queue-ctl", "ping", "--quiet");
    }

    [Theory]
    [InlineData("services:\n  Redis:\n", ".slipway.yml line 2 names a service 'Redis': a service's name is lower-case letters and digits, starting with a letter, at most 30.")]
    [InlineData("services:\n  search-1:\n    kind: solr\n", ".slipway.yml line 2 names a service 'search-1': a service's name is lower-case letters and digits, starting with a letter, at most 30.")]
    [InlineData("services:\n  cache:\n", ".slipway.yml line 2 gives the service 'cache' neither a kind nor an image: add 'kind: redis' (memcached, solr, mariadb, chromium) or 'image: <reference>'.")]
    [InlineData("services:\n  cache:\n    kind: mongodb\n", ".slipway.yml line 3 gives 'services.cache.kind' the value 'mongodb': the kinds are redis, memcached, solr, mariadb, chromium.")]
    [InlineData("services:\n  queue:\n    image: rabbitmq:3\n", ".slipway.yml line 2 gives the service 'queue' no port: add 'port: <the port its image listens on>'.")]
    [InlineData("services:\n  redis:\n    imgae: redis:7\n", ".slipway.yml line 3 has the key 'services.redis.imgae', which Slipway does not know: the nearest valid key is 'services.redis.image'.")]
    [InlineData("services:\n  redis:\n    image: \"redis:7 --privileged\"\n", ".slipway.yml line 3 gives 'services.redis.image' the value 'redis:7 --privileged': it takes an image reference such as redis:7 or registry.example.com/search:1.")]
    [InlineData("services:\n  redis:\n    port: 70000\n", ".slipway.yml line 3 gives 'services.redis.port' the value '70000': it takes a port number from 1 to 65535.")]
    [InlineData("services:\n  redis:\n    ready: redis-cli ping\n", ".slipway.yml line 3 gives 'services.redis.ready' the value 'redis-cli ping': it takes the readiness command as a list of words run inside the service without a shell, e.g. [redis-cli, ping].")]
    [InlineData("services:\n  redis:\n    environment:\n      \"BAD NAME\": x\n", ".slipway.yml line 4 names a variable of the service 'redis' 'BAD NAME': variable names are letters, digits and _, not starting with a digit.")]
    [InlineData("services: [redis]\n", ".slipway.yml line 1 gives 'services' a single value or a list: it takes one entry per service, e.g. 'redis:' or 'cache: {kind: redis}'.")]
    public void A_mistake_in_services_is_one_sentence_naming_the_line_and_the_fix(string yaml, string message)
    {
        using var app = new AppFolder().WithConfig(yaml);

        var read = () => AppConfigFile.ReadFrom(app.Path);

        read.Should().Throw<AppConfigException>().Which.Message.Should().Be(message);
    }

    [Fact]
    public void Browser_tests_are_asked_for_by_a_behat_configuration_in_the_app()
    {
        using var withBehat = new AppFolder().With("behat.yml", "default: {}\n");
        using var without = new AppFolder();
        using var declined = new AppFolder().With("behat.yml", "default: {}\n").WithConfig("tests:\n  browser: false\n");

        AppProfile.Load(withBehat.Path).BrowserTests.Should().BeTrue();
        AppProfile.Load(without.Path).BrowserTests.Should().BeFalse();
        AppProfile.Load(declined.Path).BrowserTests.Should().BeFalse();
    }
}
