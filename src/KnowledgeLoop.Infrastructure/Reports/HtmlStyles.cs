namespace KnowledgeLoop.Infrastructure.Reports;

/// <summary>The report page's stylesheet: system fonts only, WCAG AA contrast, a print layout without shadows or colour fills.</summary>
internal static class HtmlStyles
{
    /// <summary>The CSS, inlined in a &lt;style&gt; element.</summary>
    public const string Css =
        """
        :root{--ink:#111827;--muted:#4b5563;--line:#d1d5db;--soft:#f3f4f6;--card:#fff;--accent:#1d4ed8;--accent-soft:#dbeafe;--amber:#b45309}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;background:#f8fafc;color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
        header.top{background:#0f172a;color:#f8fafc;padding:24px max(24px,calc((100% - 1200px)/2))}
        header.top .brand{font-size:13px;letter-spacing:.08em;text-transform:uppercase;color:#cbd5e1}
        header.top h1{margin:4px 0 6px;font-size:28px;font-weight:650}
        header.top .period{margin:0 0 14px;color:#e2e8f0}
        header.top strong{color:#fff}
        .counts{display:flex;flex-wrap:wrap;gap:8px 20px;margin:0;padding:0;list-style:none;color:#cbd5e1;font-size:14px}
        .counts strong{font-size:16px}
        main{max-width:1200px;margin:0 auto;padding:8px 24px 24px}
        section{margin:28px 0}
        h2{font-size:20px;margin:0 0 12px;padding-bottom:6px;border-bottom:2px solid var(--line)}
        h3{font-size:14px;margin:0;color:var(--muted);font-weight:600}
        h4{font-size:15px;margin:18px 0 6px}
        a{color:var(--accent)}
        a:focus-visible,summary:focus-visible,button:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
        .muted{color:var(--muted)}
        .small{font-size:13px;color:var(--muted)}
        .empty{padding:16px;background:var(--card);border:1px dashed var(--line);border-radius:8px}
        .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        .tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:12px}
        .tile{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px;box-shadow:0 1px 2px rgba(0,0,0,.04)}
        .tile .value{font-size:30px;font-weight:700;margin:2px 0 0;font-variant-numeric:tabular-nums}
        .tile.na .value{color:var(--muted)}
        .tile .sub{margin:0;font-size:13px;color:var(--muted);font-variant-numeric:tabular-nums}
        .tile .def{margin:8px 0 0;font-size:12px;color:var(--muted)}
        .ci{position:relative;height:8px;margin:8px 0 2px;background:var(--soft);border-radius:4px}
        .ci-band{position:absolute;top:0;bottom:0;background:#93c5fd;border-radius:4px;min-width:2px}
        .ci-mark{position:absolute;top:-3px;width:3px;height:14px;margin-left:-1px;background:var(--accent);border-radius:1px}
        .chart-box{margin:0 0 12px;background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px}
        .chart-box figcaption{font-size:13px;color:var(--muted);margin-top:4px}
        svg.chart{width:100%;height:auto;display:block;font-size:11px}
        svg .grid{stroke:#e5e7eb;stroke-width:1}
        svg .yl{text-anchor:end;fill:var(--muted)}
        svg .yr{text-anchor:start;fill:var(--amber)}
        svg .xl{text-anchor:middle;fill:var(--muted)}
        svg .axis-title{text-anchor:middle;fill:var(--muted)}
        svg .band{fill:#bfdbfe;fill-opacity:.7;stroke:none}
        svg .line{fill:none;stroke:var(--accent);stroke-width:2.5;stroke-linejoin:round}
        svg .pt{fill:#fff;stroke:var(--accent);stroke-width:2}
        svg .bar{fill:#3b82f6}
        svg .cum{fill:none;stroke:var(--amber);stroke-width:2}
        svg .cum-pt{fill:var(--amber)}
        svg.spark{display:block}
        svg.spark polyline{fill:none;stroke:#b91c1c;stroke-width:1.5;stroke-linejoin:round}
        svg.spark circle{fill:#b91c1c}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;width:100%;background:var(--card);font-size:14px}
        th,td{padding:7px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
        thead th{background:var(--soft);font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:#374151;white-space:nowrap}
        .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        table.gaps tbody tr:hover{background:#f9fafb}
        table.compact{font-size:13px}
        table.evidence{font-size:13px}
        .id{font-size:12px;color:var(--muted);font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
        code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em;overflow-wrap:anywhere}
        .badge{display:inline-block;padding:1px 8px;border-radius:999px;font-size:12px;font-weight:600;white-space:nowrap;background:var(--soft);color:#374151}
        .t-missing{background:#fee2e2;color:#991b1b}
        .t-ineffective{background:#ffedd5;color:#9a3412}
        .t-outdated{background:#fef3c7;color:#92400e}
        .t-findability{background:#dbeafe;color:#1e40af}
        .t-process{background:#ede9fe;color:#5b21b6}
        .t-duplicate{background:#e0f2fe;color:#075985}
        .emerging{background:#dcfce7;color:#166534}
        .diag{background:#fef3c7;color:#92400e}
        .rep-badge{margin-top:4px;background:#fef9c3;color:#713f12}
        tr.rep{background:#fffbeb}
        .outcome{font-weight:600}
        .o-failure,.o-follow_up{color:#b91c1c}
        .o-success{color:#15803d}
        .subject{font-weight:600}
        .excerpt{color:#374151;overflow-wrap:anywhere}
        .chip{display:inline-block;margin:0 4px 4px 0;padding:1px 8px;border:1px solid var(--line);border-radius:999px;font-size:12px;background:var(--soft)}
        .ok{color:#15803d}
        .tools{margin:14px 0 8px}
        .tools button{font:inherit;font-size:13px;padding:4px 12px;border:1px solid var(--line);border-radius:6px;background:var(--card);cursor:pointer}
        details.gap{background:var(--card);border:1px solid var(--line);border-radius:10px;margin:10px 0}
        details.gap>summary{cursor:pointer;padding:12px 16px;font-size:15px}
        details.gap[open]>summary{border-bottom:1px solid var(--line)}
        details.gap .rank{font-weight:700;color:var(--muted)}
        details.gap .gap-title{font-weight:650}
        details.gap .body{padding:4px 16px 16px}
        details.data{margin:8px 0}
        details.data>summary{cursor:pointer;color:var(--accent);font-size:14px}
        .action{background:var(--accent-soft);border-left:4px solid var(--accent);padding:10px 14px;border-radius:6px;color:#1e3a8a}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:12px 0}
        dl.facts dt{font-weight:600;color:#374151}
        dl.facts dd{margin:0}
        .ids{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;overflow-wrap:anywhere}
        footer{max-width:1200px;margin:0 auto;padding:16px 24px 32px;font-size:13px;color:var(--muted);border-top:1px solid var(--line)}
        @media (max-width:640px){header.top h1{font-size:22px}.tile .value{font-size:24px}dl.facts{grid-template-columns:1fr}}
        @media print{
          body{background:#fff;font-size:11pt}
          header.top{background:#fff;color:#000;padding:0 0 8px;border-bottom:2px solid #000}
          header.top .brand,header.top .period,.counts,header.top strong{color:#000}
          main,footer{max-width:none;padding:0}
          .tile,.chart-box,details.gap{box-shadow:none}
          .tile,.chart-box{break-inside:avoid}
          .tools,details.data>summary::marker{display:none}
          details::details-content{content-visibility:visible;display:contents}
          a{color:#000}
          .scroll{overflow:visible}
          section{break-inside:auto}
          h2,h4{break-after:avoid}
        }
        """;
}
