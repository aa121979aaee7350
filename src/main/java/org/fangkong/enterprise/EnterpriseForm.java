package org.fangkong.enterprise;

/**
 * What it takes to register an enterprise (or change one: the credit code stays). Values as typed:
 * the division as one or two digits, the section letter optional (checked against the division),
 * the size class by name, the place a township (an industrial park) or a village or community code.
 */
public record EnterpriseForm(String creditCode, String name, String division, String section, String sizeClass,
                             Boolean aboveScale, Boolean medicalSupplies, Boolean livelihoodSupply, String jurisdiction,
                             String park, String address, Integer staffTotal) {
}
