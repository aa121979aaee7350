package org.fangkong.person;

/**
 * Who someone is, as typed by a grid worker or read from a list: a name and an ID number and/or a
 * mobile phone. Raw input; {@link PersonRegistry#resolve} validates it.
 */
public record PersonIdentity(String name, String idNumber, String phone) {
}
