/**
 * The person registry (人员库): one row per person, found by the keyed hash of the ID number, else
 * of the phone. Residents, outsiders, passages, cases and observation orders all point at it.
 */
@ApplicationModule(displayName = "Person", allowedDependencies = {"common"})
package org.fangkong.person;

import org.springframework.modulith.ApplicationModule;
