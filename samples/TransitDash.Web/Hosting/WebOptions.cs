namespace TransitDash.Web.Hosting;

/// <summary>The web host's own keys (<c>TransitDash:Web</c>).</summary>
internal sealed class WebOptions
{
    public const string SectionName = "TransitDash:Web";

    /// <summary>Origins allowed to GET the API from a browser; <c>*</c> is any origin. No credentials.</summary>
    public IReadOnlyList<string> CorsOrigins { get; set; } = ["*"];
}
