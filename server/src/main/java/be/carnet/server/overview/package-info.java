/** The staff's mission pages: the list of missions and one mission with its bundle, travellers, codes and reports. */
package be.carnet.server.overview;
