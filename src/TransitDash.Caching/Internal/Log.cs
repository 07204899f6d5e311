namespace TransitDash.Internal;

/// <summary>Every log message of TransitDash.Caching, source-generated, with fixed event ids (2000-2999).
/// Each area keeps its messages in its own part (<c>Log.&lt;Area&gt;.cs</c>). Messages never carry
/// secrets or keyed URLs.</summary>
internal static partial class Log
{
}
