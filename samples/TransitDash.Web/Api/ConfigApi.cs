using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TransitDash.Hosting.Rendering;
using TransitDash.Web.Settings;

namespace TransitDash.Web.Api;

/// <summary><c>GET/POST /api/config</c>: the dashboard's settings for this browser, kept in a cookie.</summary>
internal static class ConfigApi
{
    internal const string CookieName = "transitdash_settings";
    private const int MaxBodyBytes = 4096;

    public static void MapConfigApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/config", (HttpContext context) => TypedResults.Json(ToJson(Read(context.Request)), ApiJsonContext.Web.ConfigJson))
            .WithName("GetConfig")
            .WithSummary("This browser's dashboard settings and the allowed values.");

        app.MapPost("/api/config", (Delegate)PostAsync)
            .WithName("SetConfig")
            .WithSummary("Changes this browser's dashboard settings; a value outside the allowed sets is a 400 and changes nothing.")
            .Accepts<ConfigUpdateJson>("application/json")
            .Produces<ConfigJson>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> PostAsync(HttpContext context)
    {
        var current = Read(context.Request);
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return Bad("body", $"The body is larger than {MaxBodyBytes} bytes.");
        }

        ConfigUpdateJson? update;
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            if (buffer.Length > MaxBodyBytes)
            {
                return Bad("body", $"The body is larger than {MaxBodyBytes} bytes.");
            }

            update = JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), ApiJsonContext.Web.ConfigUpdateJson);
        }
        catch (JsonException e)
        {
            return Bad(string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.'), $"The body is not a settings document: {e.Message}");
        }

        if (update is null)
        {
            return Bad("body", "The body is empty; send for example {\"auto_refresh\": {\"enabled\": false}}.");
        }

        var next = current with
        {
            AutoRefreshEnabled = update.AutoRefresh?.Enabled ?? current.AutoRefreshEnabled,
            AutoRefreshIntervalSeconds = update.AutoRefresh?.Interval ?? current.AutoRefreshIntervalSeconds,
            HistoryWindow = update.Display?.HistoryWindow ?? current.HistoryWindow,
        };
        if (!DashboardSettings.IntervalOptions.Contains(next.AutoRefreshIntervalSeconds))
        {
            return Bad("auto_refresh.interval", $"auto_refresh.interval must be one of {string.Join(", ", DashboardSettings.IntervalOptions)} (seconds); {next.AutoRefreshIntervalSeconds} is not.");
        }

        if (!DashboardSettings.WindowOptions.Contains(next.HistoryWindow))
        {
            return Bad("display.history_window", $"display.history_window must be one of {string.Join(", ", DashboardSettings.WindowOptions)}; '{QueryReader.Shorten(next.HistoryWindow)}' is not.");
        }

        Write(context, next);
        return TypedResults.Json(ToJson(next), ApiJsonContext.Web.ConfigJson);
    }

    internal static DashboardSettings Read(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return DashboardSettings.Default;
        }

        try
        {
            var json = Convert.FromBase64String(value.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (value.Length % 4)) % 4));
            var parsed = JsonSerializer.Deserialize(json, ApiJsonContext.Web.ConfigUpdateJson);
            var settings = new DashboardSettings(
                parsed?.AutoRefresh?.Enabled ?? DashboardSettings.Default.AutoRefreshEnabled,
                parsed?.AutoRefresh?.Interval ?? DashboardSettings.Default.AutoRefreshIntervalSeconds,
                parsed?.Display?.HistoryWindow ?? DashboardSettings.Default.HistoryWindow);

            // A cookie edited by hand into nonsense is ignored, not trusted.
            return settings.IsValid ? settings : DashboardSettings.Default;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return DashboardSettings.Default;
        }
    }

    private static void Write(HttpContext context, DashboardSettings settings)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(
            new ConfigUpdateJson(new AutoRefreshUpdateJson(settings.AutoRefreshEnabled, settings.AutoRefreshIntervalSeconds), new DisplayUpdateJson(settings.HistoryWindow)),
            ApiJsonContext.Web.ConfigUpdateJson);
        var value = Convert.ToBase64String(json).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        context.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            Path = "/",
            MaxAge = TimeSpan.FromDays(365),
        });
    }

    private static ConfigJson ToJson(DashboardSettings s) => new(
        new AutoRefreshJson(s.AutoRefreshEnabled, s.AutoRefreshIntervalSeconds, DashboardSettings.IntervalOptions),
        new DisplayJson(s.HistoryWindow, DashboardSettings.WindowOptions));

    private static ProblemHttpResult Bad(string member, string message) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Bad settings",
        detail: message,
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [member] = [message] } });
}
