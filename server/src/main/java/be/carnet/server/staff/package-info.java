/** Agency staff: password hashing, login, roles and in-memory sessions. */
package be.carnet.server.staff;
