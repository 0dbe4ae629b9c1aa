using System.Globalization;
using System.Numerics;
using System.Text;

namespace KylinMock.Sql.Answers;

/// <summary>
/// Kylin's text for a result cell (§3.5; sparder <c>SparderTypeUtil.convertToStringWithCalciteType</c>): Java's
/// number formatting (<c>100.0</c>, <c>1.2345678E7</c>), BigDecimal keeping the scale, dates <c>yyyy-MM-dd</c>,
/// timestamps with trailing zeros of the millis stripped, null as null.
/// </summary>
internal static class KylinValues
{
    /// <summary>The cell for <paramref name="value"/> of Kylin type <paramref name="type"/>.</summary>
    public static string? Format(object? value, KylinType type)
    {
        switch (value)
        {
            case null or DBNull:
                return null;
            case string s:
                return s;
            case bool b:
                return b ? "true" : "false";
            case DateOnly date:
                return type.Name == "TIMESTAMP" ? Timestamp(date.ToDateTime(TimeOnly.MinValue)) : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case DateTime time:
                return type.Name == "DATE" ? time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Timestamp(time);
            case double or float when type.Name == "DECIMAL":
                return Decimal(Convert.ToDecimal(value, CultureInfo.InvariantCulture), type.Scale);
            case double d:
                return type.IsInteger ? Math.Truncate(d).ToString("R", CultureInfo.InvariantCulture) : JavaDouble(d);
            case float f:
                return type.IsInteger ? Math.Truncate(f).ToString("R", CultureInfo.InvariantCulture) : JavaDouble(f);
            case decimal m:
                return type.Name switch
                {
                    "DECIMAL" => Decimal(m, type.Scale),
                    "DOUBLE" or "FLOAT" or "REAL" => JavaDouble((double)m),
                    _ when type.IsInteger => decimal.Truncate(m).ToString(CultureInfo.InvariantCulture),
                    _ => m.ToString(CultureInfo.InvariantCulture),
                };
            case BigInteger big:
                return type.Name == "DECIMAL" ? Decimal((decimal)big, type.Scale) : big.ToString(CultureInfo.InvariantCulture);
            case long or int or short or sbyte or byte or ushort or uint or ulong:
                var whole = Convert.ToString(value, CultureInfo.InvariantCulture)!;
                return type.Name switch
                {
                    "DECIMAL" => Decimal(Convert.ToDecimal(value, CultureInfo.InvariantCulture), type.Scale),
                    "DOUBLE" or "FLOAT" or "REAL" => JavaDouble(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
                    _ => whole,
                };
            default:
                return Convert.ToString(value, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Java's <c>BigDecimal.toString()</c> of a value with scale <paramref name="scale"/> (HALF_UP).</summary>
    public static string Decimal(decimal value, int scale)
    {
        var rounded = Math.Round(value, Math.Clamp(scale, 0, 28), MidpointRounding.AwayFromZero);
        return rounded.ToString("F" + Math.Clamp(scale, 0, 28).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary><c>yyyy-MM-dd HH:mm:ss.SSS</c> with trailing zeros and then a trailing dot removed (Kylin's DateFormat.castTimestampToString).</summary>
    public static string Timestamp(DateTime time) =>
        time.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.');

    /// <summary>Java's <c>Double.toString</c>: plain between 10^-3 and 10^7 with at least one decimal, else <c>d.dddE±n</c>.</summary>
    public static string JavaDouble(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }

        if (d == 0)
        {
            return double.IsNegative(d) ? "-0.0" : "0.0";
        }

        var text = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOfAny(['E', 'e']);
        var mantissa = e < 0 ? text : text[..e];
        var exponent = e < 0 ? 0 : int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.');
        var digits = mantissa.Replace(".", string.Empty, StringComparison.Ordinal);
        var point = (dot < 0 ? mantissa.Length : dot) + exponent;
        var lead = digits.Length - digits.TrimStart('0').Length;
        digits = digits.TrimStart('0');
        point -= lead;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        var result = new StringBuilder(d < 0 ? "-" : string.Empty);
        var abs = Math.Abs(d);
        if (abs >= 1e-3 && abs < 1e7)
        {
            if (point <= 0)
            {
                result.Append("0.").Append('0', -point).Append(digits);
            }
            else if (point >= digits.Length)
            {
                result.Append(digits).Append('0', point - digits.Length).Append(".0");
            }
            else
            {
                result.Append(digits, 0, point).Append('.').Append(digits, point, digits.Length - point);
            }
        }
        else
        {
            result.Append(digits[0]).Append('.').Append(digits.Length > 1 ? digits[1..] : "0").Append('E').Append((point - 1).ToString(CultureInfo.InvariantCulture));
        }

        return result.ToString();
    }
}
