using AfterSales.Azure.Tests.Support;
using AfterSales.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Functions.Tests.Http;

public sealed class HealthHttpTests
{
    [Fact]
    public async Task Health_answers_from_memory_without_reaching_storage()
    {
        // Nothing listens on port 1: any storage call would fail.
        const string unreachable = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";
        using var provider = ComposedService.Build(unreachable, "health", "2026-10-16 09:00", [], out _);

        var response = await ActivatorUtilities.CreateInstance<Health>(provider).Run(new Microsoft.AspNetCore.Http.DefaultHttpContext().Request).AnswerAsync();

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(HttpAnswer.JsonType, response.ContentType);
        var body = response.Json();
        Assert.Equal("healthy", body.Text("status"));
        Assert.Equal("2026-10-16T01:00:00Z", body.Text("time"));
        Assert.False(string.IsNullOrEmpty(body.Text("version")));
    }
}
