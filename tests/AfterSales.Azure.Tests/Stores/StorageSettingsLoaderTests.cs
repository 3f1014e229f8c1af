using AfterSales.Azure.Storage;
using AfterSales.Core.Settings;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Azure.Tests.Stores;

public class StorageSettingsLoaderTests
{
    private const string Azurite =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    private const string Secret = "key-hash-secret-of-this-test-0123456789";

    [Fact]
    public void A_connection_string_alone_is_enough_and_the_prefix_defaults_to_AfterSales()
    {
        var settings = Load(("Storage:ConnectionString", Azurite));

        Assert.Equal(new StorageSettings(Azurite, null, "AfterSales", Secret), settings);
    }

    [Fact]
    public void A_table_service_uri_alone_is_enough_for_managed_identity()
    {
        var settings = Load(("Storage:TableServiceUri", "https://aftersales.table.core.windows.net/"), ("Storage:TablePrefix", "Prod2"));

        Assert.Equal(new StorageSettings(null, new Uri("https://aftersales.table.core.windows.net/"), "Prod2", Secret), settings);
        Assert.NotNull(AfterSalesTables.Create(settings));
    }

    [Fact]
    public void Neither_connection_string_nor_uri_names_the_connection_string_key()
    {
        var error = Assert.Single(Errors());

        Assert.Equal("Storage__ConnectionString", error.Key);
        Assert.Contains("Storage__TableServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_connection_string_and_uri_is_an_error_on_the_uri()
    {
        var error = Assert.Single(Errors(("Storage:ConnectionString", Azurite), ("Storage:TableServiceUri", "https://a.table.core.windows.net")));

        Assert.Equal("Storage__TableServiceUri", error.Key);
    }

    [Theory]
    [InlineData("aftersales.table.core.windows.net")]
    [InlineData("/relative/path")]
    [InlineData("ftp://aftersales.table.core.windows.net")]
    public void A_uri_that_is_not_absolute_http_is_an_error_quoting_it(string uri)
    {
        var error = Assert.Single(Errors(("Storage:TableServiceUri", uri)));

        Assert.Equal("Storage__TableServiceUri", error.Key);
        Assert.Contains(uri, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("After-Sales")]
    [InlineData("1Tables")]
    [InlineData("After_Sales")]
    [InlineData("AVeryLongPrefixThatLeavesNoRoomForTheTableNamesAfterIt")]
    public void A_prefix_that_cannot_start_table_names_is_an_error(string prefix)
    {
        var error = Assert.Single(Errors(("Storage:ConnectionString", Azurite), ("Storage:TablePrefix", prefix)));

        Assert.Equal("Storage__TablePrefix", error.Key);
    }

    [Fact]
    public void A_broken_connection_string_is_named_without_quoting_its_secret()
    {
        var error = Assert.Single(Errors(("Storage:ConnectionString", "AccountKey=secret-value-123")));

        Assert.Equal("Storage__ConnectionString", error.Key);
        Assert.DoesNotContain("secret-value-123", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_key_is_reported_at_once()
    {
        var errors = Errors(("Storage:TableServiceUri", "not a uri"), ("Storage:TablePrefix", "bad prefix"));

        Assert.Equal(["Storage__TablePrefix", "Storage__TableServiceUri"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_missing_key_hash_secret_is_an_error_naming_the_key()
    {
        var error = Assert.Single(Errors(("Storage:ConnectionString", Azurite), ("Storage:KeyHashSecret", "")));

        Assert.Equal("Storage__KeyHashSecret", error.Key);
        Assert.Contains("required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_key_hash_secret_is_an_error_without_quoting_it()
    {
        var error = Assert.Single(Errors(("Storage:ConnectionString", Azurite), ("Storage:KeyHashSecret", "short-secret-value")));

        Assert.Equal("Storage__KeyHashSecret", error.Key);
        Assert.Contains("at least 32", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("short-secret-value", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The section with <see cref="Secret"/> as its key hash secret unless <paramref name="values"/> sets another.</summary>
    private static StorageSettings Load(params (string Key, string? Value)[] values) =>
        StorageSettingsLoader.Load(new ConfigurationBuilder()
            .AddInMemoryCollection([new("Storage:KeyHashSecret", Secret)])
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build());

    private static IReadOnlyList<SettingsError> Errors(params (string Key, string? Value)[] values) =>
        Assert.Throws<SettingsValidationException>(() => Load(values)).Errors;
}
