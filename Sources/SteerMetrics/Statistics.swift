/// The statistics behind the alignment and progress metrics, as pure functions.
public enum Statistics {
  /// Ranks with ties sharing their mean rank. With `descending`, the largest value gets rank 1
  /// (a stakeholder's highest weight is their first priority).
  public static func ranks(_ values: [Double], descending: Bool = false) -> [Double] {
    let order = values.indices.sorted { descending ? values[$0] > values[$1] : values[$0] < values[$1] }
    var ranks = [Double](repeating: 0, count: values.count)
    var start = 0
    while start < order.count {
      var end = start
      while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
      let mean = Double(start + end) / 2 + 1
      for position in start...end { ranks[order[position]] = mean }
      start = end + 1
    }
    return ranks
  }

  /// Σ(t³ − t) over the groups of tied values.
  public static func tieCorrection(_ values: [Double]) -> Double {
    var counts: [Double: Int] = [:]
    for value in values { counts[value, default: 0] += 1 }
    return counts.values.reduce(0) { sum, t in sum + Double(t * t * t - t) }
  }

  public struct KendallW: Hashable, Sendable {
    /// Tie-corrected W; nil when m < 2, n < 2 or the denominator is 0.
    public var value: Double?
    /// W without the tie correction.
    public var uncorrected: Double?
    /// Σᵢ(Rᵢ − m(n+1)/2)².
    public var s: Double
    /// Σⱼ Tⱼ, Tⱼ = Σ(t³ − t) over rater j's tie groups.
    public var ties: Double
    /// Rᵢ: the sum of each object's ranks.
    public var rankSums: [Double]
  }

  /// Kendall's coefficient of concordance. `scores[j][i]` is rater j's score for object i;
  /// ranks are taken per rater (`descending`: the highest score is rank 1; W does not depend
  /// on the direction).
  public static func kendallW(_ scores: [[Double]], descending: Bool = true) -> KendallW {
    let m = Double(scores.count)
    let n = Double(scores.first?.count ?? 0)
    var rankSums = [Double](repeating: 0, count: scores.first?.count ?? 0)
    var ties = 0.0
    for rater in scores {
      for (index, rank) in ranks(rater, descending: descending).enumerated() { rankSums[index] += rank }
      ties += tieCorrection(rater)
    }
    let mean = m * (n + 1) / 2
    let s = rankSums.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    guard m >= 2, n >= 2 else { return KendallW(value: nil, uncorrected: nil, s: s, ties: ties, rankSums: rankSums) }
    let denominator = m * m * (n * n * n - n) - m * ties
    let plain = m * m * (n * n * n - n)
    return KendallW(
      value: denominator == 0 ? nil : 12 * s / denominator, uncorrected: plain == 0 ? nil : 12 * s / plain, s: s,
      ties: ties, rankSums: rankSums)
  }

  /// Pearson's correlation; nil when either side has zero variance.
  public static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
    guard x.count == y.count, x.count >= 2 else { return nil }
    let meanX = x.reduce(0, +) / Double(x.count)
    let meanY = y.reduce(0, +) / Double(y.count)
    var covariance = 0.0
    var varianceX = 0.0
    var varianceY = 0.0
    for (a, b) in zip(x, y) {
      covariance += (a - meanX) * (b - meanY)
      varianceX += (a - meanX) * (a - meanX)
      varianceY += (b - meanY) * (b - meanY)
    }
    guard varianceX > 0, varianceY > 0 else { return nil }
    return covariance / (varianceX * varianceY).squareRoot()
  }

  /// Spearman's ρ: Pearson's correlation of the ranks (ties share their mean rank).
  public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
    pearson(ranks(x), ranks(y))
  }

  /// The least-squares line through points; nil for fewer than 2 points or a single x.
  public static func leastSquares(_ points: [(x: Double, y: Double)]) -> (slope: Double, intercept: Double)? {
    guard points.count >= 2 else { return nil }
    let meanX = points.reduce(0) { $0 + $1.x } / Double(points.count)
    let meanY = points.reduce(0) { $0 + $1.y } / Double(points.count)
    var sxy = 0.0
    var sxx = 0.0
    for point in points {
      sxy += (point.x - meanX) * (point.y - meanY)
      sxx += (point.x - meanX) * (point.x - meanX)
    }
    guard sxx > 0 else { return nil }
    let slope = sxy / sxx
    return (slope, meanY - slope * meanX)
  }
}
