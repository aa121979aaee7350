package org.fangkong.zoning;

/** 低 / 中 / 高风险. */
public enum RiskLevel { LOW, MEDIUM, HIGH }
