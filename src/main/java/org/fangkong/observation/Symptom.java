package org.fangkong.observation;

/** The symptoms asked for at each reading (docs/rules.md: 咳嗽、气促、乏力、腹泻、其他); fever comes from the temperature. */
public enum Symptom { COUGH, SHORTNESS_OF_BREATH, FATIGUE, DIARRHOEA, OTHER }
