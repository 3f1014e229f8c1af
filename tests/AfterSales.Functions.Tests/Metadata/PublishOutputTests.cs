using System.Text.Json;
using AfterSales.Functions.Tests.Support;

namespace AfterSales.Functions.Tests.Metadata;

/// <summary>What <c>dotnet publish</c> gives the Functions host: its files, the extensions it loads, the worker it starts.</summary>
public sealed class PublishOutputTests
{
    [Theory]
    [InlineData("host.json")]
    [InlineData("functions.metadata")]
    [InlineData("worker.config.json")]
    [InlineData("extensions.json")]
    [InlineData("AfterSales.Functions.dll")]
    [InlineData(".azurefunctions/Microsoft.Azure.WebJobs.Extensions.FunctionMetadataLoader.dll")]
    [InlineData(".azurefunctions/Microsoft.Azure.Functions.Worker.Extensions.dll")]
    public void The_published_folder_holds(string file) =>
        Assert.True(File.Exists(Path.Combine(PublishedApp.Folder, file)), $"{file} is not in {PublishedApp.Folder}");

    [Fact]
    public void The_worker_config_starts_the_app_assembly_with_dotnet()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(PublishedApp.Folder, "worker.config.json")));
        var description = config.RootElement.GetProperty("description");
        Assert.Equal("dotnet", description.GetProperty("defaultExecutablePath").GetString());
        Assert.Equal("AfterSales.Functions.dll", description.GetProperty("defaultWorkerPath").GetString());
    }

    [Fact]
    public void Every_extension_the_host_must_load_is_published_where_extensions_json_points()
    {
        using var extensions = JsonDocument.Parse(File.ReadAllText(Path.Combine(PublishedApp.Folder, "extensions.json")));
        var listed = extensions.RootElement.GetProperty("extensions").EnumerateArray().ToList();
        Assert.NotEmpty(listed);
        foreach (var extension in listed)
        {
            var hint = extension.GetProperty("hintPath").GetString()!;
            Assert.True(File.Exists(Path.Combine(PublishedApp.Folder, hint)), $"{extension.GetProperty("name").GetString()}: {hint} is not published");
        }
#if SERVICE_BUS_TRIGGERS
        Assert.Contains(listed, e => e.GetProperty("typeName").GetString()!.Contains("ServiceBus", StringComparison.Ordinal));
#endif
    }

    [Fact]
    public void The_published_host_json_is_the_repository_one()
    {
        var root = RepositoryRoot.Find();
        Assert.Equal(File.ReadAllText(Path.Combine(root, "host.json")), File.ReadAllText(Path.Combine(PublishedApp.Folder, "host.json")));
        Assert.False(File.Exists(Path.Combine(PublishedApp.Folder, "local.settings.json")), "local settings (secrets) must never be published");
    }
}
