using System.Globalization;
using System.Text;

namespace KylinMock.Errors;

/// <summary>
/// Kylin's message bundles: <c>kylin_error_msg_conf_en/_cn.properties</c> for new-style codes,
/// <c>kylin_errorcode_conf_en/_zh.properties</c> for old-style descriptions, and
/// <c>Message.java</c>/<c>CnMessage.java</c> for the texts old-style codes carry.
/// </summary>
internal static class MessageCatalog
{
    private static readonly Dictionary<string, (string En, string Zh)> CodeTexts = new()
    {
        ["KE-010001201"] = ("Can't find project \"%s\". Please check and try again.", "找不到项目 “%s”。请检查后重试。"),
        ["KE-010001208"] = ("Can't use, the multilevel partitioning is not enabled for project “%s”. Please turn it on and try again.", "无法使用，项目 “%s” 未开启多级分区。请开启后再试。"),
        ["KE-010032211"] = ("Can't %s job \"%s\", as it is in %s status.", "无法 %s 状态为 %s 的任务 ”%s”。"),
        ["KE-010032212"] = (
            "The selected job status is invalid. The value of status must be \"PENDING\", \"RUNNING\", \"FINISHED\", \"ERROR\", \"DISCARDED\" or \"STOPPED\". Please check and try again.",
            "选择的任务状态无效，状态必须是 “PENDING“、“RUNNING“、“FINISHED“、“ERROR”、“DISCARDED“ 或 “STOPPED“。请检查后重试。"),
        ["KE-010032213"] = ("At least one job should be selected to %s.", "至少选择一个任务 %s。"),
        ["KE-010032215"] = (
            "Can't perform current operation, as an error occurred when updating the job status. Please refresh the job list and try again.",
            "因为任务状态更新时遇到错误，无法执行当前操作。请刷新任务列表后重试。"),
        ["KE-010032217"] = (
            "Invalid value in parameter \"action\" or \"statuses\" or \"job_ids\", The value of \"statuses\" or the status of jobs specified by \"job_ids\" contains \"%s\", this status of jobs can only perform the following actions: \"%s\".",
            "无效的参数值 “action” 或 “statuses” 或 “job_ids”。“statuses”值或“job_ids”指定的任务状态值包含 “%s”，此状态的任务只能执行以下操作：“%s”。"),
        ["KE-010032219"] = ("Can't find job \"%s\". Please check and try again.", "找不到任务 “%s”。请检查后重试。"),
        ["KE-010003207"] = ("Can't authenticate. Please login again.", "认证用户信息失败。请重新登录。"),
        ["KE-010003208"] = ("Invalid username or password. Please check and try again.", "用户名或密码错误。请检查后重试。"),
        ["KE-010003209"] = ("Can't find authentication information.", "找不到权限信息。"),
        ["KE-010043201"] = (
            "Request parameter \"%s\" is empty or value is empty. Please check the request parameters.",
            "请求参数 “%s” 为空或值为空。请检查请求参数是否正确填写。"),
        ["KE-010002202"] = ("Can't find model id \"%s\". Please check and try again.", "找不到模型 ID “%s”。请检查后重试。"),
        ["KE-010025201"] = ("Can't find the cube.", "找不到 Cube。"),
        ["KE-010002203"] = ("Can't find model name \"%s\". Please check and try again.", "找不到模型名称 “%s”。请检查后重试。"),
        ["KE-010043202"] = (
            "The entered parameter value is invalid. The timestamp of the start time and end time conversion must be greater than or equal to 0. Please check and try again.",
            "输入的参数值无效，开始时间和结束时间转换的时间戳必须大于或等于 0。请检查后重试。"),
        ["KE-010043203"] = (
            "The entered parameter value is invalid. The end time must be greater than the start time. Please check and try again.",
            "输入的参数值无效，结束时间必须大于开始时间。请检查后重试。"),
        ["KE-010043205"] = (
            "The entered parameter format is invalid. The timestamp format must be milliseconds. Please check and try again.",
            "输入的参数格式无效，时间戳格式必须为毫秒。请检查后重试。"),
        ["KE-010043206"] = (
            "The entered parameter value is invalid. The start time and end time must exist or empty at the same time. Please check and try again.",
            "输入的参数值无效，开始时间和结束时间必须同时存在或同时为空。请检查后重试。"),
        ["KE-010043209"] = (
            "The entered parameter value \"%s\" is invalid. Only support \"%s\" at the moment. Please check and try again.",
            "输入的参数值 “%s” 无效，当前仅支持 “%s” 类型。请检查后重试。"),
        ["KE-010043208"] = (
            "The entered parameter value is invalid. The parameter value must be a non-negative integer. Please check and try again.",
            "输入的参数值无效，参数值必须为非负整数。请检查后重试。"),
        ["KE-010022202"] = ("Can't build segment. The specified data range overlaps with the built segments \"%s\". Please modify and try again.", "Can't build segment. The specified data range overlaps with the built segments \"%s\". Please modify and try again."),
        ["KE-010022203"] = ("Can't refresh. Please select segment and try again.", "Can't refresh. Please select segment and try again."),
        ["KE-010022206"] = ("Please select at most one segment to refresh.", "Please select at most one segment to refresh."),
        ["KE-010022212"] = ("You should choose at least one segment!", "You should choose at least one segment!"),
        ["KE-010022207"] = ("Please select at least two segment to merge.", "Please select at least two segment to merge."),
        ["KE-010022208"] = ("Can't merge the selected segments, as there are gap(s) in between. Please check and try again.", "Can't merge the selected segments, as there are gap(s) in between. Please check and try again."),
        ["KE-010022209"] = ("Can't find the segment by name \"%s\". Please check and try again.", "Can't find the segment by name \"%s\". Please check and try again."),
        ["KE-010022210"] = ("Can't find the segment by ID \"%s\". Please check and try again.", "Can't find the segment by ID \"%s\". Please check and try again."),
        ["KE-010022211"] = ("Can't find the segment(s). Please check and try again.", "Can't find the segment(s). Please check and try again."),
        ["KE-010022214"] = ("Can't enter segment ID and name at the same time. Please re-enter.", "Can't enter segment ID and name at the same time. Please re-enter."),
        ["KE-010022215"] = ("Please enter segment ID or name.", "Please enter segment ID or name."),
        ["KE-010022216"] = ("Can't remove, refresh or merge segment \"%s\", as it's LOCKED. Please try again later.", "Can't remove, refresh or merge segment \"%s\", as it's LOCKED. Please try again later."),
        ["KE-010022217"] = ("Can't refresh or merge segment \"%s\", as it's in \"%s\". Please try again later.", "Can't refresh or merge segment \"%s\", as it's in \"%s\". Please try again later."),
        ["KE-010032202"] = ("Can't submit the job, as no index is included in the segment. Please check and try again.", "Can't submit the job, as no index is included in the segment. Please check and try again."),
        ["KE-010032214"] = ("The number of sampling rows should be between %s and %s. Please modify it.", "The number of sampling rows should be between %s and %s. Please modify it."),
        ["KE-010022220"] = ("Index_ids or index_status can not be set at the same time, please modify and try again.", "Index_ids or index_status can not be set at the same time, please modify and try again."),
        ["KE-010022221"] = ("The index status is wrong, please enter the correct index status(NO_BUILD, ONLINE, BUILDING) and try again.", "The index status is wrong, please enter the correct index status(NO_BUILD, ONLINE, BUILDING) and try again."),
        ["KE-010022222"] = ("A single job can contain up to 100 segments, please modify and try again.", "A single job can contain up to 100 segments, please modify and try again."),
        ["KE-010032204"] = ("Can't find executable jobs at the moment. Please try again later.", "Can't find executable jobs at the moment. Please try again later."),
        ["KE-010032207"] = ("Can't submit the job, as the indexes are not identical in the selected segments. Please check and try again.", "Can't submit the job, as the indexes are not identical in the selected segments. Please check and try again."),
        ["KE-010032206"] = ("Can't submit the job at the moment, as a building job for the same object already exists. Please try again later.", "Can't submit the job at the moment, as a building job for the same object already exists. Please try again later."),
        ["KE-010043207"] = (
            "The entered parameter \"%s\" is invalid, only supports \"%s\" at the moment. Please check and try again.",
            "输入的参数 “%s” 无效，当前仅支持 “%s”。请检查后重试。"),
    };

    private static readonly Dictionary<string, (string En, string Zh)> Descriptions = new()
    {
        ["KE-000000001"] = ("UNKNOWN ERRORCODE", "未知错误码"),
        ["KE-000030001"] = ("Failed Parse Json", "Json解析失败"),
        ["KE-010000003"] = ("Invalid Parameter", "非法参数"),
        ["KE-010001002"] = ("Empty Project Name", "项目名为空"),
        ["KE-010003005"] = ("User Locked", "用户被锁定"),
        ["KE-010003008"] = ("Login Failed", "登录失败"),
        ["KE-010024001"] = ("No access", "无访问权限"),
        ["KE-010002011"] = ("Model Broken", "模型损坏"),
        ["KE-010007003"] = ("Invalid Table Name", "Invalid Table Name"),
        ["KE-010000005"] = ("Empty Parameter", "Empty Parameter"),
        ["KE-010008001"] = ("Database Not Exist", "Database Not Exist"),
        ["KE-010007001"] = ("Table Not Exist", "Table Not Exist"),
        ["KE-010033001"] = ("Snapshot Not Exist", "Snapshot Not Exist"),
        ["KE-010033002"] = ("Snapshot Management Not Enabled", "Snapshot Management Not Enabled"),
        ["KE-010002018"] = ("Subpartition column not set", "Subpartition column not set"),
        ["KE-010024002"] = ("Permission Denied", "没有权限"),
        ["KE-010035014"] = ("Unsupported Operation", "不支持的操作"),
        ["KE-010014004"] = ("Empty Sql Expression", "Empty Sql Expression"),
        ["KE-010000004"] = ("Invalid Name", "Invalid Name"),
        ["KE-010027006"] = ("Can't save the query", "Can't save the query"),
    };

    /// <summary>The message of a new-style code, formatted: <c>"%s: %s"</c> of code and text.</summary>
    public static string CodeMessage(ErrorCode code, Language language, IReadOnlyList<object?> args)
    {
        var (en, zh) = CodeTexts[code.Code];
        return code.Code + ": " + JavaFormat(language == Language.Zh ? zh : en, args);
    }

    /// <summary>The prefix of an old-style message: <c>code(description)</c> and the language's separator.</summary>
    public static string OldStylePrefix(ErrorCode code, Language language)
    {
        var description = Descriptions.TryGetValue(code.Code, out var d) ? (language == Language.Zh ? d.Zh : d.En) : "unknown";
        return code.Code + "(" + description + ")" + (language == Language.Zh ? "：" : ":");
    }

    /// <summary>A text of <c>Message.java</c> (en) or <c>CnMessage.java</c> (zh), formatted.</summary>
    public static string Detail(MessageKey key, Language language, IReadOnlyList<object?> args)
    {
        var zh = language == Language.Zh;
        return key switch
        {
            MessageKey.IllegalExecutableState => zh ? "选择的任务状态无效。请重新选择" : "The job status is invalid. Please select again.",
            MessageKey.IllegalSortByFilter => JavaFormat(zh ? "选择的排序条件\"%s\"无效。请重新选择" : "The selected sort filter \"%s\" is invalid. Please select again.", args),
            MessageKey.DisabledUser => zh ? "该用户已被禁用，请联系管理员。" : "This user is disabled. Please contact admin.",
            MessageKey.UserInLockedStatus => LockedMessage(zh, (string)args[0]!, (long)args[1]!, (long)args[2]!),
            MessageKey.UserInPermanentlyLockedStatus => JavaFormat(zh ? "用户 %s 已被永久锁定，请联系您的系统管理员进行重置。" : "User %s is locked permanently. Please contact to your administrator to reset.", args),
            MessageKey.EmptyProjectName => zh ? "没有项目信息，请指定一个项目。" : "Can’t find project information. Please select a project.",
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
        };
    }

    // Message.getUserInLockedStatus: the sentence ends with formatNextLockDuration's own period, hence "..".
    private static string LockedMessage(bool zh, string user, long leftSeconds, long nextLockSeconds)
    {
        var next = nextLockSeconds == long.MaxValue
            ? (zh ? "如登录再次错误，将被永久锁定。" : "Login failure again will be locked permanently.")
            : (zh ? "如登录再次错误将会被继续锁定 " + FormatSeconds(nextLockSeconds, zh) + "。" : "Login failure again will be locked for " + FormatSeconds(nextLockSeconds, zh) + ".");
        return zh
            ? "为了账号安全，用户 " + user + " 被锁定。请在 " + FormatSeconds(leftSeconds, zh) + "后再试。" + next
            : "For security concern, account " + user + " has been locked. Please try again in " + FormatSeconds(leftSeconds, zh) + ". " + next + ".";
    }

    /// <summary>Kylin's <c>formatSeconds</c>: <c>N days N hours N minutes N seconds</c>, zero parts left out.</summary>
    internal static string FormatSeconds(long seconds, bool zh)
    {
        var s = seconds % 60;
        var m = (seconds - s) / 60 % 60;
        var h = (seconds - s - m * 60) / 3600 % 24;
        var d = (seconds - s - m * 60 - h * 3600) / (3600 * 24);
        var text = new StringBuilder();
        if (d > 0) text.Append(d).Append(zh ? " 天 " : " days ");
        if (h > 0) text.Append(h).Append(zh ? " 小时 " : " hours ");
        if (m > 0) text.Append(m).Append(zh ? " 分 " : " minutes ");
        if (s > 0) text.Append(s).Append(zh ? " 秒 " : " seconds ");
        return text.Length > 0 ? text.ToString(0, text.Length - 1) : string.Empty;
    }

    /// <summary>Java's <c>String.format</c> for the <c>%s</c> and <c>%d</c> placeholders Kylin's texts use.</summary>
    internal static string JavaFormat(string format, IReadOnlyList<object?> args)
    {
        var result = new StringBuilder(format.Length + 32);
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '%' && i + 1 < format.Length && (format[i + 1] == 's' || format[i + 1] == 'd'))
            {
                var arg = next < args.Count ? args[next] : null;
                next++;
                result.Append(arg is null ? "null" : Convert.ToString(arg, CultureInfo.InvariantCulture));
                i++;
            }
            else
            {
                result.Append(format[i]);
            }
        }

        return result.ToString();
    }
}
