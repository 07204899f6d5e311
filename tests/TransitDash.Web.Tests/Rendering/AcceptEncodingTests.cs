using Microsoft.Extensions.Primitives;
using TransitDash.Hosting.Rendering;

namespace TransitDash.Web.Tests.Rendering;

public sealed class AcceptEncodingTests
{
    [Theory]
    [InlineData("gzip", ContentCoding.Gzip)]
    [InlineData("br", ContentCoding.Brotli)]
    [InlineData("gzip, deflate, br, zstd", ContentCoding.Brotli)]
    [InlineData("gzip, br", ContentCoding.Brotli)]
    [InlineData("BR;Q=1, GZIP", ContentCoding.Brotli)]
    [InlineData("x-gzip", ContentCoding.Gzip)]
    [InlineData("deflate", ContentCoding.Identity)]
    [InlineData("identity", ContentCoding.Identity)]
    [InlineData("*", ContentCoding.Brotli)]
    public void Choose_ListedCodings_PrefersBrotliThenGzip(string header, ContentCoding expected) =>
        Assert.Equal(expected, AcceptEncoding.Choose(header));

    [Theory]
    [InlineData("gzip;q=0", ContentCoding.Identity)]
    [InlineData("br;q=0, gzip", ContentCoding.Gzip)]
    [InlineData("br; q=0.000, gzip;q=0.5", ContentCoding.Gzip)]
    [InlineData("gzip, br;q=0", ContentCoding.Gzip)]
    [InlineData("br;q=0, gzip;q=0", ContentCoding.Identity)]
    [InlineData("*;q=0", ContentCoding.Identity)]
    [InlineData("*;q=0, gzip", ContentCoding.Gzip)]
    [InlineData("*, br;q=0", ContentCoding.Gzip)]
    [InlineData("br, br;q=0", ContentCoding.Identity)]
    public void Choose_ZeroWeight_NeverSendsThatCoding(string header, ContentCoding expected) =>
        Assert.Equal(expected, AcceptEncoding.Choose(header));

    [Theory]
    [InlineData("gzip;q=1, br;q=0.5", ContentCoding.Gzip)]
    [InlineData("gzip;q=0.5, br;q=0.8", ContentCoding.Brotli)]
    [InlineData("gzip;q=0.7, br;q=0.7", ContentCoding.Brotli)]
    [InlineData("identity;q=1, gzip;q=0.5", ContentCoding.Identity)]
    public void Choose_Weights_FollowsTheClientsPreference(string header, ContentCoding expected) =>
        Assert.Equal(expected, AcceptEncoding.Choose(header));

    [Theory]
    [InlineData("")]
    [InlineData(",,, ;;")]
    [InlineData("gzip;q=")]
    [InlineData("gzip;q=2")]
    [InlineData("gzip;q=-1")]
    [InlineData("gzip;q=0.5.5")]
    [InlineData("gzip;q=NaN")]
    [InlineData("gzip;q=1e0")]
    [InlineData("\u0000gzip\u0000")]
    public void Choose_MalformedHeader_SendsIdentity(string header) =>
        Assert.Equal(ContentCoding.Identity, AcceptEncoding.Choose(header));

    [Fact]
    public void Choose_NoHeader_SendsIdentity() =>
        Assert.Equal(ContentCoding.Identity, AcceptEncoding.Choose(StringValues.Empty));

    [Fact]
    public void Choose_SeveralHeaderLines_ReadsThemAll() =>
        Assert.Equal(ContentCoding.Gzip, AcceptEncoding.Choose(new StringValues(["br;q=0", "gzip"])));
}
