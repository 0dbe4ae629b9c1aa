using KylinMock.Models;

namespace KylinMock.Tests.Models;

/// <summary>Java's HashSet iteration order, for answers Kylin builds from a HashSet or HashMap (TableService.getLoadedDatabases).</summary>
public class JavaHashOrderTests
{
    [Test]
    public void HashCode_IsJavasStringHashCode()
    {
        // java.lang.String.hashCode: s[0]*31^(n-1) + ... + s[n-1], in int arithmetic.
        Assert.Multiple(() =>
        {
            Assert.That(JavaHashOrder.HashCode("size"), Is.EqualTo(3530753));
            Assert.That(JavaHashOrder.HashCode("DEFAULT"), Is.EqualTo(unchecked((int)2262786593u)));
        });
    }

    [Test]
    public void Of_IteratesByBucketThenInsertion_AndDropsDuplicates()
    {
        // HashMap: bucket (h ^ h >>> 16) & 15 for up to 12 entries; "tables" falls in bucket 2, "size" 4, "SSB" 3,
        // "TPCH" 6, "DEFAULT" 14.
        Assert.Multiple(() =>
        {
            Assert.That(JavaHashOrder.Of(["size", "tables"]), Is.EqualTo(new[] { "tables", "size" }));
            Assert.That(JavaHashOrder.Of(["DEFAULT", "TPCH", "SSB", "TPCH"]), Is.EqualTo(new[] { "SSB", "TPCH", "DEFAULT" }));
        });
    }
}
