package org.fangkong.venue;

import org.fangkong.common.QrCodes;
import org.fangkong.common.security.Actor;
import org.springframework.stereotype.Service;

/** QR image and poster of a venue in scope. */
@Service
public class VenueDocuments {

    private final Venues venues;

    VenueDocuments(Venues venues) {
        this.venues = venues;
    }

    public byte[] qrPng(long id, Actor actor) {
        Venue v = venues.find(id, actor);
        return QrCodes.png(venues.checkinUrl(v.code()), 600);
    }

    public byte[] posterPdf(long id, Actor actor) {
        Venue v = venues.find(id, actor);
        return VenuePoster.pdf(v, venues.checkinUrl(v.code()));
    }
}
