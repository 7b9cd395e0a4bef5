/** The REST client of account-service (参保), behind a gateway that turns failures into a 503. */
package cn.medins.remotecare.client;
