import Autoscaling
import Foundation

/// Draws a simulation report as a standalone SVG: two stacked panels sharing a time
/// axis in hours — workers (primary, secondary, total) on top, YARN pending and
/// available memory in GB below — with ticks, labels and a legend per panel.
///
/// Hand-written SVG 1.1 text with no scripts, fonts or external references, so it
/// opens in any browser and embeds in documents.
public struct SimulationChart: Sendable {
    /// Width of the image in pixels.
    public var width: Double
    /// Height of the image in pixels.
    public var height: Double
    /// The title drawn on top.
    public var title: String

    /// A chart; 960 × 600 pixels by default.
    public init(width: Double = 960, height: Double = 600, title: String = "Miniproc autoscaling simulation") {
        self.width = width
        self.height = height
        self.title = title
    }

    private struct Series {
        var name: String
        var color: String
        var values: [Double]
        var dashed = false
    }

    private struct Panel {
        var top: Double
        var height: Double
        var label: String
        var series: [Series]
    }

    /// The SVG document for `report`.
    ///
    /// - Complexity: O(samples).
    public func svg(for report: SimulationReport) -> String {
        let samples = report.samples
        let hours = samples.map { $0.timeSeconds / 3600 }
        let left = 70.0, right = 20.0, titleHeight = 40.0, gap = 50.0, bottom = 45.0
        let panelHeight = (height - titleHeight - gap - bottom) / 2
        let plotWidth = width - left - right
        let workers = Panel(top: titleHeight, height: panelHeight, label: "workers", series: [
            Series(name: "primary", color: "#1f77b4", values: samples.map { Double($0.primaryWorkers) }),
            Series(name: "secondary", color: "#ff7f0e", values: samples.map { Double($0.secondaryWorkers) }),
            Series(name: "total", color: "#444444", values: samples.map { Double($0.primaryWorkers + $0.secondaryWorkers) }, dashed: true),
        ])
        let memory = Panel(top: titleHeight + panelHeight + gap, height: panelHeight, label: "YARN memory (GB)", series: [
            Series(name: "pending", color: "#d62728", values: samples.map { Double($0.pendingMemoryMB) / 1024 }),
            Series(name: "available", color: "#2ca02c", values: samples.map { Double($0.availableMemoryMB) / 1024 }),
        ])
        let maxHours = max(hours.last ?? 0, 1.0 / 60)
        let xStep = Self.niceStep(maxHours)
        let xMax = (maxHours / xStep).rounded(.up) * xStep

        var svg = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Self.number(width))" height="\(Self.number(height))" viewBox="0 0 \(Self.number(width)) \(Self.number(height))" font-family="sans-serif" font-size="12">
        <rect x="0" y="0" width="\(Self.number(width))" height="\(Self.number(height))" fill="#ffffff"/>
        <text x="\(Self.number(width / 2))" y="24" text-anchor="middle" font-size="16">\(Self.escape(title + (report.policyID.map { " — policy \($0)" } ?? "")))</text>

        """
        for panel in [workers, memory] {
            let yMaxValue = max(panel.series.flatMap(\.values).max() ?? 0, 1)
            let yStep = Self.niceStep(yMaxValue)
            let yMax = (yMaxValue / yStep).rounded(.up) * yStep
            func x(_ hour: Double) -> Double { left + hour / xMax * plotWidth }
            func y(_ value: Double) -> Double { panel.top + panel.height - value / yMax * panel.height }

            svg += "<g>\n"
            svg += "<rect x=\"\(Self.number(left))\" y=\"\(Self.number(panel.top))\" width=\"\(Self.number(plotWidth))\" height=\"\(Self.number(panel.height))\" fill=\"none\" stroke=\"#999999\"/>\n"
            var tick = 0.0
            while tick <= yMax + yStep / 1000 {
                let ty = y(tick)
                svg += "<line x1=\"\(Self.number(left - 5))\" y1=\"\(Self.number(ty))\" x2=\"\(Self.number(left + plotWidth))\" y2=\"\(Self.number(ty))\" stroke=\"#e5e5e5\"/>\n"
                svg += "<text x=\"\(Self.number(left - 8))\" y=\"\(Self.number(ty + 4))\" text-anchor=\"end\">\(ReportNumber.decimal(tick))</text>\n"
                tick += yStep
            }
            tick = 0
            while tick <= xMax + xStep / 1000 {
                let tx = x(tick)
                let bottomEdge = panel.top + panel.height
                svg += "<line x1=\"\(Self.number(tx))\" y1=\"\(Self.number(bottomEdge))\" x2=\"\(Self.number(tx))\" y2=\"\(Self.number(bottomEdge + 5))\" stroke=\"#999999\"/>\n"
                svg += "<text x=\"\(Self.number(tx))\" y=\"\(Self.number(bottomEdge + 18))\" text-anchor=\"middle\">\(ReportNumber.decimal(tick))</text>\n"
                tick += xStep
            }
            let labelY = panel.top + panel.height / 2
            svg += "<text x=\"16\" y=\"\(Self.number(labelY))\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(Self.number(labelY)))\">\(Self.escape(panel.label))</text>\n"
            for series in panel.series where !series.values.isEmpty {
                // Steps, not slopes: the value holds until the next sample.
                var path = ""
                for index in series.values.indices {
                    let px = Self.number(x(hours[index]))
                    let py = Self.number(y(series.values[index]))
                    if index == 0 {
                        path += "M\(px) \(py)"
                    } else {
                        path += " H\(px) V\(py)"
                    }
                }
                let dash = series.dashed ? " stroke-dasharray=\"5 3\"" : ""
                svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(series.color)\" stroke-width=\"1.5\"\(dash)/>\n"
            }
            var legendX = left + plotWidth - 10
            for series in panel.series.reversed() {
                let textWidth = Double(series.name.count) * 7 + 30
                legendX -= textWidth
                let ly = panel.top + 14
                let dash = series.dashed ? " stroke-dasharray=\"5 3\"" : ""
                svg += "<line x1=\"\(Self.number(legendX))\" y1=\"\(Self.number(ly - 4))\" x2=\"\(Self.number(legendX + 20))\" y2=\"\(Self.number(ly - 4))\" stroke=\"\(series.color)\" stroke-width=\"2\"\(dash)/>\n"
                svg += "<text x=\"\(Self.number(legendX + 24))\" y=\"\(Self.number(ly))\">\(Self.escape(series.name))</text>\n"
            }
            svg += "</g>\n"
        }
        svg += "<text x=\"\(Self.number(left + plotWidth / 2))\" y=\"\(Self.number(height - 8))\" text-anchor=\"middle\">time (hours)</text>\n"
        svg += "</svg>\n"
        return svg
    }

    /// A step of 1, 2 or 5 × 10^k that cuts `maximum` into about five intervals.
    static func niceStep(_ maximum: Double) -> Double {
        guard maximum > 0, maximum.isFinite else { return 1 }
        let raw = maximum / 5
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * magnitude
    }

    /// Coordinates with at most two decimals.
    static func number(_ value: Double) -> String {
        ReportNumber.decimal(value, digits: 2)
    }

    /// Text safe inside an element or an attribute.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
