namespace Slipway.Pipeline.AppConfig;

/// <summary>The services Slipway knows by name: their port, readiness check and images need not be spelled out.</summary>
public enum ServiceKind
{
    Redis,
    Memcached,
    Solr,
    Mariadb,
    Chromium,
}
