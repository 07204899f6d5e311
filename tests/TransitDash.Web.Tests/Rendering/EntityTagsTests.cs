using Microsoft.Extensions.Primitives;
using TransitDash.Hosting.Rendering;

namespace TransitDash.Web.Tests.Rendering;

public sealed class EntityTagsTests
{
    private const string Tag = "W/\"42-0123456789abcdef\"";

    [Theory]
    [InlineData("W/\"42-0123456789abcdef\"")]
    [InlineData("\"42-0123456789abcdef\"")]
    [InlineData("*")]
    [InlineData("W/\"1-aa\", W/\"42-0123456789abcdef\"")]
    [InlineData("\"a,b\",W/\"42-0123456789abcdef\"")]
    [InlineData(" \t W/\"42-0123456789abcdef\" ,")]
    public void Matches_HeaderNamingTheTag_IsTrue(string header) =>
        Assert.True(EntityTags.Matches(header, Tag));

    [Theory]
    [InlineData("")]
    [InlineData("W/\"42-0123456789abcdef-gzip\"")]
    [InlineData("W/\"42-0123456789abcde\"")]
    [InlineData("W/\"0-0000000000000000\"")]
    [InlineData("42-0123456789abcdef")]
    [InlineData("W/\"42-0123456789abcdef")]
    [InlineData("w/\"1\", \"unterminated")]
    [InlineData("\"\"")]
    public void Matches_OtherOrMalformedTags_IsFalse(string header) =>
        Assert.False(EntityTags.Matches(header, Tag));

    [Fact]
    public void Matches_CompressedTag_MatchesOnlyItsOwnRepresentation()
    {
        const string Gzip = "W/\"42-0123456789abcdef-gzip\"";

        Assert.True(EntityTags.Matches(Gzip, Gzip));
        Assert.False(EntityTags.Matches(Tag, Gzip));
    }

    [Fact]
    public void Matches_SeveralHeaderLines_ReadsThemAll()
    {
        Assert.True(EntityTags.Matches(new StringValues(["W/\"1-aa\"", Tag]), Tag));
        Assert.False(EntityTags.Matches(StringValues.Empty, Tag));
    }
}
