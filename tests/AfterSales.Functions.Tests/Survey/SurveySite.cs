using AfterSales.Functions.Survey;
using AfterSales.Functions.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AfterSales.Functions.Tests.Survey;

/// <summary>
/// The SurveyResponse function served over real HTTP on 127.0.0.1 by ASP.NET Core (Kestrel), as the Functions host's
/// ASP.NET Core integration serves it: the same request in, the same page out. Functions Core Tools cannot run here.
/// </summary>
internal sealed class SurveySite : IAsyncDisposable
{
    private readonly WebApplication web;

    private SurveySite(WebApplication web, string baseUrl)
    {
        this.web = web;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<SurveySite> StartAsync(FunctionsApp app)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var web = builder.Build();
        web.MapMethods("/api/s/{token?}", ["GET", "POST"], (HttpContext context, string? token) =>
            app.InvokeAsync<SurveyResponse, HtmlPage>(f => f.Run(context.Request, token, context.RequestAborted)));
        await web.StartAsync();
        return new SurveySite(web, web.Urls.First());
    }

    public string Link(string token) => $"{BaseUrl}/api/s/{token}";

    public async ValueTask DisposeAsync()
    {
        await web.StopAsync();
        await web.DisposeAsync();
    }
}
