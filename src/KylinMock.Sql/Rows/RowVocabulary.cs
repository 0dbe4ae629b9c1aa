using Bogus;

namespace KylinMock.Sql.Rows;

/// <summary>The words generated text cells are drawn from: Bogus, seeded locally, so a seed gives the same words everywhere.</summary>
internal sealed class RowVocabulary
{
    private RowVocabulary(string[] names, string[] categories, string[] words)
    {
        Names = names;
        Categories = categories;
        Words = words;
    }

    /// <summary>Product-like names (NAME columns).</summary>
    public string[] Names { get; }

    /// <summary>A dozen categories (CATEGORY columns: a dimension with few values).</summary>
    public string[] Categories { get; }

    /// <summary>Words for any other text column.</summary>
    public string[] Words { get; }

    /// <summary>Draws the vocabulary of <paramref name="seed"/>.</summary>
    public static RowVocabulary Draw(int seed)
    {
        var faker = new Faker("en") { Random = new Randomizer(seed) };
        var names = Enumerable.Range(0, 500).Select(_ => faker.Commerce.ProductName()).ToArray();
        var categories = faker.Commerce.Categories(40).Distinct(StringComparer.Ordinal).Take(12).ToArray();
        var words = Enumerable.Range(0, 200).Select(_ => faker.Lorem.Word()).ToArray();
        return new RowVocabulary(names, categories, words);
    }
}
